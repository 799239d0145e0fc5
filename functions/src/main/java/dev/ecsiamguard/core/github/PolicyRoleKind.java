package dev.ecsiamguard.core.github;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a bare permission policy is for, which decides the rules it is judged by and how findings name it. */
public enum PolicyRoleKind {
    /** Serves the ECS agent: pulls images, writes logs, injects secrets. */
    EXECUTION("execution", "an ECS task execution role"),
    /** The application's own permissions inside an ECS task. */
    TASK("task", "an ECS task role"),
    /** A CI role that pushes images, registers task definitions, updates services and passes their roles. */
    DEPLOY("deploy", "a GitHub deploy role"),
    /** None of the above: only the rules that hold for any role apply. */
    OTHER("other", "a role of unknown use");

    private final String option;
    private final String description;

    PolicyRoleKind(String option, String description) {
        this.option = option;
        this.description = description;
    }

    /** The word {@code --kind} takes and output shows. */
    public String option() {
        return option;
    }

    /** E.g. {@code an ECS task execution role}, for sentences saying what the policy was judged as. */
    public String description() {
        return description;
    }

    /** The kind named by a {@code --kind} word; empty for an unknown word. */
    public static Optional<PolicyRoleKind> fromOption(String word) {
        String lowered = word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.option.equals(lowered)).findFirst();
    }
}
