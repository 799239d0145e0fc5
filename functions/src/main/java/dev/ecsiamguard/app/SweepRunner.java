package dev.ecsiamguard.app;

import dev.ecsiamguard.core.sweep.AccountSection;
import dev.ecsiamguard.core.sweep.ItemOutcome;
import dev.ecsiamguard.core.sweep.SweepItem;
import dev.ecsiamguard.core.sweep.SweepReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sweep in-process (`scripts/scan`): list every account, then judge the items in batches on a bounded pool
 * of workers, each batch through {@link SweepJudge} exactly as the Step Functions batch step does.
 */
public final class SweepRunner {

    /** Hears how far the sweep is; called from worker threads. */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        default void listed(String account, int items) {
        }

        default void unreachable(String account, String reason) {
        }

        default void judged(int done, int total) {
        }
    }

    private final SweepConfig config;
    private final SweepAccounts accounts;
    private final int workers;
    private final int batchSize;
    private final Progress progress;

    public SweepRunner(SweepConfig config, SweepAccounts accounts, int workers, int batchSize, Progress progress) {
        if (workers < 1 || batchSize < 1) {
            throw new IllegalArgumentException("workers and batch size must be at least 1");
        }
        this.config = config;
        this.accounts = accounts;
        this.workers = workers;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    public SweepReport run(String scanId) {
        Map<String, SweepAccounts.Target> reachable = new LinkedHashMap<>();
        Map<String, AccountSection> unreachable = new LinkedHashMap<>();
        List<SweepItem> items = new ArrayList<>();
        List<SweepAccounts.Target> targets = accounts.targets();
        for (SweepAccounts.Target target : targets) {
            try {
                List<SweepItem> listed = new SweepInventory(accounts.clientsFor(target.account()), target.account())
                        .list();
                items.addAll(listed);
                reachable.put(target.account(), target);
                progress.listed(target.account(), listed.size());
            } catch (RuntimeException e) {
                String reason = SweepErrors.describe(e);
                unreachable.put(target.account(), AccountSection.unreachable(target.account(), target.name(), reason));
                progress.unreachable(target.account(), reason);
            }
        }
        List<ItemOutcome> outcomes = judgeAll(items);
        List<AccountSection> sections = new ArrayList<>();
        for (SweepAccounts.Target target : targets) {
            if (unreachable.containsKey(target.account())) {
                sections.add(unreachable.get(target.account()));
            } else if (reachable.containsKey(target.account())) {
                sections.add(new AccountSection(target.account(), target.name(), true, "", outcomes.stream()
                        .filter(o -> o.item().account().equals(target.account())).toList()));
            }
        }
        return new SweepReport(scanId, config.threshold(), sections);
    }

    private List<ItemOutcome> judgeAll(List<SweepItem> items) {
        SweepJudge judge = new SweepJudge(config, accounts::clientsFor);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "sweep-worker");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<List<SweepItem>> batches = new ArrayList<>();
            for (int i = 0; i < items.size(); i += batchSize) {
                batches.add(items.subList(i, Math.min(items.size(), i + batchSize)));
            }
            List<Future<List<ItemOutcome>>> futures = batches.stream().map(batch -> pool.submit(() -> {
                List<ItemOutcome> judged = judge.judge(batch);
                progress.judged(done.addAndGet(batch.size()), items.size());
                return judged;
            })).toList();
            List<ItemOutcome> outcomes = new ArrayList<>(items.size());
            for (int b = 0; b < batches.size(); b++) {
                outcomes.addAll(resultOf(futures.get(b), batches.get(b)));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    // The judge catches what AWS and the rules throw; anything else still leaves every item of the batch reported.
    private static List<ItemOutcome> resultOf(Future<List<ItemOutcome>> future, List<SweepItem> batch) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return batch.stream().map(i -> ItemOutcome.failed(i, "batch failed: " + e.getCause())).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return batch.stream().map(i -> ItemOutcome.failed(i, "interrupted before it was judged")).toList();
        }
    }
}
