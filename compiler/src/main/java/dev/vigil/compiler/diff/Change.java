package dev.vigil.compiler.diff;

import dev.vigil.compiler.source.Span;
import java.util.List;

/**
 * One reported difference: an object of some {@link Kind} added, removed, renamed or changed field
 * by field. {@code detail} describes an added object or states an effect in words; {@code alerts}
 * names the alerts an effect concerns. {@code templates} names the templates the object is expanded
 * from, innermost first (in the new version; in the old one for a removed object), so a reviewer can
 * fold the changes one template edit made.
 */
public record Change(Kind kind, Action action, String name, List<Field> fields, List<String> alerts, String detail,
        List<String> templates) {
    public Change {
        fields = List.copyOf(fields);
        alerts = List.copyOf(alerts);
        detail = detail == null ? "" : detail;
        templates = List.copyOf(templates);
    }

    /** A change of an object written where it stands, not expanded from a template. */
    public Change(Kind kind, Action action, String name, List<Field> fields, List<String> alerts, String detail) {
        this(kind, action, name, fields, alerts, detail, List.of());
    }

    /** This change, of the object at {@code span}: expanded from the templates the span names, if any. */
    Change from(Span span) {
        return new Change(kind, action, name, fields, alerts, detail, span.templates());
    }

    /** This change with {@code newFields}, from the same templates. */
    Change withFields(List<Field> newFields) {
        return new Change(kind, action, name, newFields, alerts, detail, templates);
    }

    public static Change added(Kind kind, String name, String detail) {
        return new Change(kind, Action.ADDED, name, List.of(), List.of(), detail);
    }

    public static Change removed(Kind kind, String name, String detail) {
        return new Change(kind, Action.REMOVED, name, List.of(), List.of(), detail);
    }

    public static Change changed(Kind kind, String name, List<Field> fields) {
        return new Change(kind, Action.CHANGED, name, fields, List.of(), "");
    }

    public enum Action {
        ADDED("+"), REMOVED("-"), RENAMED("~"), CHANGED("~"), EFFECT("→");

        private final String symbol;

        Action(String symbol) {
            this.symbol = symbol;
        }

        /** The mark before the change in text output. */
        public String symbol() {
            return symbol;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What changed, in the order the report shows the kinds. */
    public enum Kind {
        SERVICE("service"), SLO("SLOs"), ALERT("alerts"), RECORDING("recording rules"), ROUTING("routing effects"),
        DASHBOARD("dashboards"), RUNBOOK("runbooks"), TEST("tests"), SETTINGS("settings"), RECEIVER("receivers"),
        ROUTE("routes"), INHIBITION("inhibitions"), TIME_INTERVAL("time intervals");

        private final String heading;

        Kind(String heading) {
            this.heading = heading;
        }

        public String heading() {
            return heading;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A field that changed: {@code name before → after}, where a null value reads {@code none}. With a
     * {@code summary}, the text output says that instead (a long text is not repeated in full), and the
     * values are still there for JSON. An empty name shows the values only.
     */
    public record Field(String name, String before, String after, String summary) {
        public static Field of(String name, Object before, Object after) {
            return new Field(name, before == null ? "none" : before.toString(), after == null ? "none" : after.toString(),
                    null);
        }

        /** A field whose values are long: the text says {@code summary}. */
        public static Field summarized(String name, Object before, Object after, String summary) {
            return new Field(name, before == null ? null : before.toString(), after == null ? null : after.toString(),
                    summary);
        }

        public String text() {
            if (summary != null) {
                return summary;
            }
            return (name.isEmpty() ? "" : name + " ") + before + " → " + after;
        }
    }
}
