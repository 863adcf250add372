package dev.vigil.compiler.diag;

import java.util.Locale;

public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The lower-case name used in rendered output and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
