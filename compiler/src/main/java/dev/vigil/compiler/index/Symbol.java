package dev.vigil.compiler.index;

import java.util.Objects;

/**
 * A named thing, identified the way the compiler resolves its name: {@code service} is set for a
 * service's constant, a dashboard (whose name is unique within its service) and a panel, whose
 * {@code dashboard} is set too; both are null for names that are unique in the whole project.
 */
public record Symbol(SymbolKind kind, String name, String service, String dashboard) {
    public Symbol {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** A name unique in the whole project. */
    public static Symbol global(SymbolKind kind, String name) {
        return new Symbol(kind, name, null, null);
    }

    /** How a person would write it: {@code checkout.overview.errors}, {@code $threshold}. */
    public String qualifiedName() {
        String own = kind == SymbolKind.CONSTANT ? "$" + name : name;
        if (kind == SymbolKind.PANEL) {
            return dashboard + "." + own;
        }
        return own;
    }

    /** The symbol under another name, in the same place. */
    public Symbol renamed(String newName) {
        return new Symbol(kind, newName, service, dashboard);
    }
}
