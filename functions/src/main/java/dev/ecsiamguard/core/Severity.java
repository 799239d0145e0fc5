package dev.ecsiamguard.core;

/** How bad a finding is; the order matters: thresholds compare with {@link #atLeast}. */
public enum Severity {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    /** Parses a configured severity name case-insensitively (`high`, `HIGH`, `Info`). */
    public static Severity parse(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(java.util.Locale.ROOT);
        if (n.equals("INFO")) {
            return INFORMATIONAL;
        }
        for (Severity s : values()) {
            if (s.name().equals(n)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity `" + name + "`: expected one of "
                + java.util.Arrays.toString(values()));
    }
}
