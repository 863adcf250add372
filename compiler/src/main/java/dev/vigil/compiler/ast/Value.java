package dev.vigil.compiler.ast;

import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.List;

/** A literal in a DSL slot. Its type is checked against the slot by the model builder. */
public sealed interface Value {
    Span span();

    /** A short noun for messages: "a string", "a duration", ... */
    String kind();

    record StringValue(String value, Span span) implements Value {
        public String kind() {
            return "a string";
        }
    }

    /** Numbers are kept exact: `99.9` stays 99.9, never 99.90000000000001. */
    record NumberValue(BigDecimal value, String text, Span span) implements Value {
        public String kind() {
            return "a number";
        }
    }

    /** {@code 99.9%}: the value is the percentage as written (99.9), not the fraction. */
    record PercentValue(BigDecimal percent, String text, Span span) implements Value {
        public String kind() {
            return "a percentage";
        }
    }

    record DurationValue(long millis, String text, Span span) implements Value {
        public String kind() {
            return "a duration";
        }
    }

    record ConstRefValue(String name, Span span) implements Value {
        public String kind() {
            return "a constant reference";
        }
    }

    record ListValue(List<Value> items, Span span) implements Value {
        public ListValue {
            items = List.copyOf(items);
        }

        public String kind() {
            return "a list";
        }
    }

    /** A bare word: a severity, a receiver type, `true`, `false`, a label name. */
    record NameValue(String name, Span span) implements Value {
        public String kind() {
            return "a name";
        }
    }
}
