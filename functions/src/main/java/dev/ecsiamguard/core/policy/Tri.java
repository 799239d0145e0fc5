package dev.ecsiamguard.core.policy;

/** Three-valued logic: UNKNOWN stands for "depends on a context key the caller did not supply". */
enum Tri {
    TRUE, FALSE, UNKNOWN;

    static Tri of(boolean value) {
        return value ? TRUE : FALSE;
    }

    Tri and(Tri other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    Tri or(Tri other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }

    Tri not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
