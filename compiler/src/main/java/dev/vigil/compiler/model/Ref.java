package dev.vigil.compiler.model;

import dev.vigil.compiler.source.Span;

/** A by-name reference kept unresolved in the model; the reference validator checks that its target exists. */
public record Ref(Kind kind, String name, String member, Span span) {
    public enum Kind {
        CONSTANT("constant"),
        ALERT("alert"),
        DASHBOARD("dashboard"),
        PANEL("panel"),
        RECEIVER("receiver"),
        SEVERITY("severity"),
        SERVICE("service"),
        ALERT_OR_DASHBOARD("alert or dashboard"),
        TIME_INTERVAL("time interval");

        private final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        public String noun() {
            return noun;
        }
    }

    public static Ref of(Kind kind, String name, Span span) {
        return new Ref(kind, name, null, span);
    }

    @Override
    public String toString() {
        return member == null ? name : name + "." + member;
    }
}
