package dev.ecsiamguard.core.sweep;

import java.util.List;

/**
 * One account's part of a sweep report.
 *
 * @param reachable false when the account could not be read at all (its role could not be assumed, or listing
 *                  failed); {@code reason} then says why, and the sweep carries on with the other accounts
 * @param outcomes one per item listed in the account, judged or not
 */
public record AccountSection(String account, String name, boolean reachable, String reason,
                             List<ItemOutcome> outcomes) {

    public AccountSection {
        name = name == null ? "" : name;
        reason = reason == null ? "" : reason;
        outcomes = List.copyOf(outcomes);
    }

    public static AccountSection unreachable(String account, String name, String reason) {
        return new AccountSection(account, name, false, reason, List.of());
    }
}
