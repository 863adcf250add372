package dev.vigil.compiler.diff;

import java.util.List;

/** The changes of one service, in the order of {@link Change.Kind}, then by name. */
public record ServiceDiff(String name, Status status, List<Change> changes) {
    public ServiceDiff {
        changes = List.copyOf(changes);
    }

    public enum Status {
        ADDED, REMOVED, CHANGED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
