package dev.vigil.compiler.promql;

/**
 * The type of a PromQL value: {@link #SCALAR} (a float), {@link #STRING}, {@link #VECTOR} (an instant
 * vector) and {@link #MATRIX} (a range vector). {@link #NONE} stands for an operand whose type is
 * unknown because of an earlier error; checks involving it are skipped.
 */
public enum ValueType {
    SCALAR("scalar"),
    STRING("string"),
    VECTOR("instant vector"),
    MATRIX("range vector"),
    NONE("unknown");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    /** How Prometheus names the type in its messages. */
    public String description() {
        return description;
    }

    /** The description with its indefinite article: "an instant vector", "a scalar". */
    public String withArticle() {
        return (this == VECTOR ? "an " : "a ") + description;
    }
}
