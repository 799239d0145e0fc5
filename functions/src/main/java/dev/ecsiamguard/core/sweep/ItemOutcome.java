package dev.ecsiamguard.core.sweep;

import dev.ecsiamguard.core.Report;
import java.util.Optional;

/**
 * What became of one item: judged (a report, possibly with rule errors), or not judged at all ({@code error}:
 * the read failed after the SDK's retries, the item vanished, the batch failed). Nothing is ever dropped.
 */
public record ItemOutcome(SweepItem item, Optional<Report> report, String error) {

    public static ItemOutcome judged(SweepItem item, Report report) {
        return new ItemOutcome(item, Optional.of(report), "");
    }

    public static ItemOutcome failed(SweepItem item, String error) {
        return new ItemOutcome(item, Optional.empty(), error);
    }

    public boolean isJudged() {
        return report.isPresent();
    }
}
