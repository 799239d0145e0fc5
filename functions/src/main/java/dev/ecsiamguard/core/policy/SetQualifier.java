package dev.ecsiamguard.core.policy;

/** How a condition treats a context key with several values; the default compares value by value. */
public enum SetQualifier {
    NONE, FOR_ANY_VALUE, FOR_ALL_VALUES;

    /** The prefix as written in a policy, empty for {@link #NONE}. */
    public String prefix() {
        return switch (this) {
            case NONE -> "";
            case FOR_ANY_VALUE -> "ForAnyValue:";
            case FOR_ALL_VALUES -> "ForAllValues:";
        };
    }
}
