package dev.vigil.compiler.ast;

import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.NumberLiteral;
import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The types a template parameter can have, as written in its declaration ({@code threshold number}). */
public enum ParamType {
    STRING("string", "a string"),
    NUMBER("number", "a number"),
    PERCENTAGE("percentage", "a percentage"),
    DURATION("duration", "a duration"),
    LABEL("label", "a label name"),
    LABELS("labels", "a list of label names"),
    STRINGS("strings", "a list of strings"),
    MATCHERS("matchers", "label matchers"),
    QUERY("query", "a query");

    private final String keyword;
    private final String noun;

    ParamType(String keyword, String noun) {
        this.keyword = keyword;
        this.noun = noun;
    }

    public String keyword() {
        return keyword;
    }

    /** "a duration", for messages. */
    public String noun() {
        return noun;
    }

    public static Optional<ParamType> parse(String keyword) {
        return Arrays.stream(values()).filter(t -> t.keyword.equals(keyword)).findFirst();
    }

    public static List<String> keywords() {
        return Arrays.stream(values()).map(ParamType::keyword).toList();
    }

    /** Whether a value of this type is a query or matchers, which no DSL value slot takes. */
    public boolean isQueryLike() {
        return this == MATCHERS || this == QUERY;
    }

    /**
     * A stand-in value used to type-check a template body once, at its definition, when the parameter
     * has no default: it has the parameter's type and nothing else that a check could object to.
     */
    public Binding placeholder(Span at) {
        return switch (this) {
            case STRING -> Binding.value(this, new Value.StringValue("placeholder", at));
            case NUMBER -> Binding.value(this, new Value.NumberValue(BigDecimal.ONE, "1", at));
            case PERCENTAGE -> Binding.value(this, new Value.PercentValue(new BigDecimal("99"), "99%", at));
            case DURATION -> Binding.value(this, new Value.DurationValue(300_000, "5m", at));
            case LABEL -> Binding.value(this, new Value.NameValue("job", at));
            case LABELS -> Binding.value(this, new Value.ListValue(List.of(new Value.NameValue("job", at)), at));
            case STRINGS -> Binding.value(this, new Value.ListValue(List.of(new Value.StringValue("placeholder", at)), at));
            case MATCHERS -> Binding.matchers(List.of(new LabelMatcher("job", MatchOp.RE, ".+", null, at)));
            case QUERY -> Binding.query(new Call("vector", List.of(new NumberLiteral(1, "1", at)), at));
        };
    }

    @Override
    public String toString() {
        return keyword.toLowerCase(Locale.ROOT);
    }
}
