package dev.vigil.compiler.ast;

import dev.vigil.compiler.source.Span;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The bindings in force while a template body or {@code for} block is built: its own, then those of
 * the scope it was written in. Spans built in it carry {@code via}, so every diagnostic about the
 * expansion also says where it was asked for. A scope that checks a template at its definition holds
 * stand-ins and notes which parameters the body uses.
 */
public final class Scope {
    /** Outside every template: `$name` is a constant. */
    public static final Scope NONE = new Scope(null, Map.of(), null, false);

    private final Scope parent;
    private final Map<String, Binding> bindings;
    private final Span.Via via;
    private final boolean definitionCheck;
    private final Set<String> used = new HashSet<>();

    private Scope(Scope parent, Map<String, Binding> bindings, Span.Via via, boolean definitionCheck) {
        this.parent = parent;
        this.bindings = Map.copyOf(bindings);
        this.via = via;
        this.definitionCheck = definitionCheck;
    }

    /** A scope inside this one; {@code newVia} is null while checking a definition. */
    public Scope child(Map<String, Binding> newBindings, Span.Via newVia, boolean checking) {
        return new Scope(this, newBindings, newVia != null ? newVia : via, checking || definitionCheck);
    }

    /** What {@code $name} is bound to here, or null when it names a constant. */
    public Binding lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Binding b = s.bindings.get(name);
            if (b != null) {
                s.used.add(name);
                return b;
            }
        }
        return null;
    }

    /** Whether text built here belongs to a template or a loop, where strings interpolate `${name}`. */
    public boolean isExpansion() {
        return parent != null;
    }

    /** True while a template body is checked once, with stand-ins, at its definition. */
    public boolean isDefinitionCheck() {
        return definitionCheck;
    }

    /** The parameters of this scope (not its parents) that the body built in it used. */
    public Set<String> used() {
        return Set.copyOf(used);
    }

    public Span tag(Span span) {
        return via == null || span.isNone() ? span : span.withVia(via);
    }
}
