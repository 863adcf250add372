package dev.vigil.compiler.diff;

import java.util.List;

/**
 * One reported difference: an object of some {@link Kind} added, removed, renamed or changed field
 * by field. {@code detail} describes an added object or states an effect in words; {@code alerts}
 * names the alerts an effect concerns.
 */
public record Change(Kind kind, Action action, String name, List<Field> fields, List<String> alerts, String detail) {
    public Change {
        fields = List.copyOf(fields);
        alerts = List.copyOf(alerts);
        detail = detail == null ? "" : detail;
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
