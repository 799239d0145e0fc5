package dev.ecsiamguard.core.policy;

/** Points at one statement of one named policy, so a decision can say which statement caused it. */
public record StatementRef(String policyName, int number, Statement statement) {

    /** The statement's Sid, empty when it has none. */
    public String sid() {
        return statement.sid();
    }

    /** Human form used in findings, e.g. {@code policy `deploy` statement 2 (Sid `PassRole`)}. */
    public String describe() {
        return "policy `" + policyName + "` statement " + number + (sid().isEmpty() ? "" : " (Sid `" + sid() + "`)");
    }
}
