package dev.vigil.compiler.promql;

/**
 * Binary operators, with Prometheus's precedence (higher binds tighter; {@code ^} is right-associative).
 * The trim operators share the multiplicative level.
 */
public enum BinaryOp {
    OR("or", 1),
    AND("and", 2),
    UNLESS("unless", 2),
    EQL("==", 3),
    NEQ("!=", 3),
    GTR(">", 3),
    LSS("<", 3),
    GTE(">=", 3),
    LTE("<=", 3),
    ADD("+", 4),
    SUB("-", 4),
    MUL("*", 5),
    DIV("/", 5),
    MOD("%", 5),
    ATAN2("atan2", 5),
    /** Histogram trim operator {@code </}: removes observations above the bound (experimental). */
    TRIM_UPPER("</", 5),
    /** Histogram trim operator {@code >/}: removes observations below the bound (experimental). */
    TRIM_LOWER(">/", 5),
    POW("^", 6);

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public String symbol() {
        return symbol;
    }

    public int precedence() {
        return precedence;
    }

    public boolean rightAssociative() {
        return this == POW;
    }

    public boolean isComparison() {
        return precedence == 3;
    }

    /** The operator with its operands swapped: {@code 4 < x} is {@code x > 4}. */
    public BinaryOp mirrored() {
        return switch (this) {
            case GTR -> LSS;
            case LSS -> GTR;
            case GTE -> LTE;
            case LTE -> GTE;
            default -> this;
        };
    }

    /** {@code and}, {@code or}, {@code unless}: they match series, never compute values. */
    public boolean isSetOperator() {
        return this == AND || this == OR || this == UNLESS;
    }

    /** The operators allowed between durations inside {@code [...]} and after {@code offset}. */
    public boolean isDurationOperator() {
        return this == ADD || this == SUB || this == MUL || this == DIV || this == MOD || this == POW;
    }
}
