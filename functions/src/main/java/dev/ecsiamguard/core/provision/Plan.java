package dev.ecsiamguard.core.provision;

import java.util.List;

/** The writes to make, in order, and what to report without changing it. Empty when all is as desired. */
public record Plan(List<Change> changes, List<Note> notes) {

    public Plan {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
