package dev.vigil.compiler.ast;

import dev.vigil.compiler.source.Span;

/** What template expansion does with values: the text one interpolates as, and the value placed elsewhere. */
public final class Values {
    private Values() {
    }

    /** The text a value interpolates as in a template string: `5%`, `5m`, `orders`, lists joined by commas. */
    public static String text(Value v) {
        if (v instanceof Value.StringValue s) {
            return s.value();
        } else if (v instanceof Value.NumberValue n) {
            return n.text();
        } else if (v instanceof Value.PercentValue p) {
            return p.text();
        } else if (v instanceof Value.DurationValue d) {
            return d.text();
        } else if (v instanceof Value.NameValue n) {
            return n.name();
        } else if (v instanceof Value.ConstRefValue c) {
            return "$" + c.name();
        }
        return String.join(", ", ((Value.ListValue) v).items().stream().map(Values::text).toList());
    }

    /** The value, placed where the parameter is used (and so in this expansion). */
    public static Value respan(Value v, Span span) {
        if (v instanceof Value.StringValue s) {
            return new Value.StringValue(s.value(), span);
        } else if (v instanceof Value.NumberValue n) {
            return new Value.NumberValue(n.value(), n.text(), span);
        } else if (v instanceof Value.PercentValue p) {
            return new Value.PercentValue(p.percent(), p.text(), span);
        } else if (v instanceof Value.DurationValue d) {
            return new Value.DurationValue(d.millis(), d.text(), span);
        } else if (v instanceof Value.NameValue n) {
            return new Value.NameValue(n.name(), span);
        } else if (v instanceof Value.ConstRefValue c) {
            return new Value.ConstRefValue(c.name(), span);
        }
        return new Value.ListValue(((Value.ListValue) v).items().stream().map(i -> respan(i, span)).toList(), span);
    }

}
