package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.github.RoleDocuments;
import dev.ecsiamguard.core.policy.Placeholders;
import java.util.List;
import java.util.Optional;

/**
 * What a role document file turned out to hold: one entry per role, each with its documents or the reason it
 * cannot be checked, so the checker never guesses the kind twice.
 */
record RoleFile(Kind kind, List<Entry> entries) {

    /** The four shapes {@code check-role} accepts, with the words output uses for them. */
    enum Kind {
        TRUST_POLICY("trust policy"),
        PERMISSION_POLICY("permission policy"),
        GET_ROLE("role"),
        ACCOUNT_DETAILS("role");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * One role of the file.
     *
     * @param documents its parsed documents; empty when the file does not hold enough to check it
     * @param problem why it cannot be checked, when {@code documents} is empty
     * @param note which rules ran when that is not obvious, or empty
     * @param unjudged the placeholders of a bare policy, replaced by their cautious reading before judging
     */
    record Entry(String subject, Optional<RoleDocuments> documents, Optional<RuleError> problem, String note,
                 List<Placeholders.Unjudged> unjudged) {

        Entry {
            unjudged = List.copyOf(unjudged);
        }

        Entry(String subject, Optional<RoleDocuments> documents, Optional<RuleError> problem, String note) {
            this(subject, documents, problem, note, List.of());
        }
    }

    RoleFile {
        entries = List.copyOf(entries);
    }
}
