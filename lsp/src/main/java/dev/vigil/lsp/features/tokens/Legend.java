package dev.vigil.lsp.features.tokens;

import java.util.List;

/**
 * The semantic token legend the server announces, with LSP's standard types only so that every client's
 * theme colours them: in a query, {@code variable} is a metric (or recording rule) name, {@code property} a
 * label name, {@code function} a function ({@code defaultLibrary} when Prometheus has it), {@code operator}
 * an aggregation or set operator ({@code sum}, {@code topk}, {@code and}), {@code keyword} a keyword
 * ({@code by}, {@code offset}), {@code string}, {@code number} (numbers and durations) and {@code variable}
 * with {@code readonly} a {@code $constant}. In the DSL: {@code namespace} a service or group,
 * {@code event} an alert, {@code class} a receiver, dashboard, panel, SLO or time interval, {@code macro} a
 * template, {@code parameter} a template's parameter or a loop variable, {@code enumMember} a severity,
 * {@code type} a metric, receiver or panel type, {@code property} a setting's key; a name where it is
 * declared has the {@code declaration} modifier.
 */
public final class Legend {
    public static final List<String> TYPES = List.of("keyword", "operator", "function", "variable", "property",
            "string", "number", "comment", "namespace", "event", "class", "macro", "parameter", "enumMember", "type");
    public static final List<String> MODIFIERS = List.of("declaration", "readonly", "defaultLibrary");

    static final int DECLARATION = 1;
    static final int READONLY = 2;
    static final int DEFAULT_LIBRARY = 4;

    /** One token: where it is (one line), its type's index in {@link #TYPES} and its modifier bits. */
    record Tok(int line, int character, int length, int type, int modifiers) {
    }

    /** What a token is. */
    enum Kind {
        KEYWORD("keyword", 0),
        OPERATOR("operator", 0),
        FUNCTION("function", DEFAULT_LIBRARY),
        UNKNOWN_FUNCTION("function", 0),
        METRIC("variable", 0),
        METRIC_DECLARATION("variable", DECLARATION),
        LABEL("property", 0),
        PROPERTY("property", 0),
        STRING("string", 0),
        NUMBER("number", 0),
        CONSTANT("variable", READONLY),
        CONSTANT_DECLARATION("variable", READONLY | DECLARATION),
        COMMENT("comment", 0),
        NAMESPACE_DECLARATION("namespace", DECLARATION),
        ALERT("event", 0),
        ALERT_DECLARATION("event", DECLARATION),
        OBJECT("class", 0),
        OBJECT_DECLARATION("class", DECLARATION),
        TEMPLATE("macro", 0),
        TEMPLATE_DECLARATION("macro", DECLARATION),
        PARAMETER("parameter", 0),
        PARAMETER_DECLARATION("parameter", DECLARATION),
        SEVERITY("enumMember", 0),
        SEVERITY_DECLARATION("enumMember", DECLARATION),
        TYPE("type", 0);

        private final int type;
        private final int modifiers;

        Kind(String type, int modifiers) {
            this.type = TYPES.indexOf(type);
            this.modifiers = modifiers;
        }

        int type() {
            return type;
        }

        int modifiers() {
            return modifiers;
        }
    }

    private Legend() {
    }
}
