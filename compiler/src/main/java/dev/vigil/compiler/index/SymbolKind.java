package dev.vigil.compiler.index;

/** What a named thing of a Vigil project is, with where its name is unique (see {@link Symbol}). */
public enum SymbolKind {
    /** {@code const name = ...}: unique in the project, or in one service (its {@link Symbol#service()}). */
    CONSTANT("constant", true),
    /** {@code metric name type}: one name for the project, as label inference reads it. */
    METRIC("metric", false),
    /** {@code record name = ...}: one series name for the project; several rules may write it. */
    RECORDING_RULE("recording rule", true),
    ALERT("alert", true),
    RECEIVER("receiver", true),
    /** Unique in its service. */
    DASHBOARD("dashboard", false),
    /** Unique in its dashboard. */
    PANEL("panel", true),
    TIME_INTERVAL("time interval", false),
    /** A {@code blueprint}, {@code template rules} or {@code template panels}. */
    TEMPLATE("template", true);

    private final String noun;
    private final boolean renameable;

    SymbolKind(String noun, boolean renameable) {
        this.noun = noun;
        this.renameable = renameable;
    }

    /** "recording rule", for messages. */
    public String noun() {
        return noun;
    }

    /** Whether {@link SymbolIndex#rename} supports the kind. */
    public boolean renameable() {
        return renameable;
    }
}
