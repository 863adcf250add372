package dev.vigil.compiler.index;

import java.util.List;
import java.util.SortedMap;

/** The edits that rename a symbol, or why it cannot be renamed to that name. */
public sealed interface RenameResult {
    /** The edits by file, each file's in source order; empty when the name does not change. */
    record Edits(Symbol symbol, String newName, SortedMap<String, List<TextEdit>> byFile) implements RenameResult {
        public Edits {
            byFile = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byFile));
        }

        public int count() {
            return byFile.values().stream().mapToInt(List::size).sum();
        }
    }

    record Refused(String reason) implements RenameResult {
    }
}
