package dev.ecsiamguard.core.taskdef;

/** How every finding names its subject, so messages read the same across rules. */
final class Names {

    private Names() {
    }

    /** {@code Task definition app:3}. */
    static String task(TaskDefinition td) {
        return "Task definition " + td.displayName();
    }

    /** {@code Container web of task definition app:3}. */
    static String container(TaskDefinition td, ContainerDefinition c) {
        return "Container " + c.displayName() + " of task definition " + td.displayName();
    }
}
