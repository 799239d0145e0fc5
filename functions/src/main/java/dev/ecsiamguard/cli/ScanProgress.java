package dev.ecsiamguard.cli;

import dev.ecsiamguard.app.SweepRunner;
import java.io.PrintStream;

/**
 * The local sweep's progress on standard error: a bar redrawn in place on a terminal, otherwise one plain line
 * per tenth of the items (logs of pipelines stay short and readable).
 */
final class ScanProgress implements SweepRunner.Progress {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private int lastTenth = -1;

    ScanProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void listed(String account, int items) {
        err.println("account " + account + ": " + items + " item(s) to judge");
    }

    @Override
    public synchronized void unreachable(String account, String reason) {
        err.println("account " + account + ": not reachable, reported and skipped: " + reason);
    }

    @Override
    public synchronized void judged(int done, int total) {
        if (terminal) {
            int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
            err.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total
                    + " items");
            if (done == total) {
                err.println();
            }
        } else {
            int tenth = total == 0 ? 10 : (int) ((long) done * 10 / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.println("judged " + done + "/" + total + " items");
            }
        }
        err.flush();
    }
}
