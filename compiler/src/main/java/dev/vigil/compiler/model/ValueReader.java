package dev.vigil.compiler.model;

import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads DSL values into the types their slots expect, resolving {@code $constants}. A value of the
 * wrong type is reported once as {@code Type.Mismatch} and read as absent.
 */
final class ValueReader {
    private final Map<String, Constant> constants;
    private final DiagnosticSink sink;

    ValueReader(Map<String, Constant> constants, DiagnosticSink sink) {
        this.constants = constants;
        this.sink = sink;
    }

    /** Follows a constant reference to its literal; reports unknown constants. */
    Optional<Value> resolve(Value v) {
        if (v instanceof Value.ConstRefValue ref) {
            Constant c = constants.get(ref.name());
            if (c == null) {
                // Blocking: a value that refers to nothing cannot be written.
                sink.blocking(Ids.REFERENCE_UNKNOWN, ref.span(), "Unknown constant `$" + ref.name() + "`.",
                        hintForConstant(ref.name()));
                return Optional.empty();
            }
            return Optional.of(c.value());
        }
        return Optional.of(v);
    }

    String hintForConstant(String name) {
        String near = Suggest.closest(name, constants.keySet());
        return near != null ? "Did you mean `$" + near + "`?" : "Declare it with `const " + name + " = ...`.";
    }

    Optional<String> string(Value v, String slot) {
        Optional<Value> r = resolve(v);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        if (r.get() instanceof Value.StringValue s) {
            return Optional.of(s.value());
        }
        return mismatch(v, r.get(), slot, "a string in double quotes");
    }

    /** A string, or a bare word (for names such as severities and receiver types). */
    Optional<String> word(Value v, String slot) {
        Optional<Value> r = resolve(v);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        if (r.get() instanceof Value.StringValue s) {
            return Optional.of(s.value());
        }
        if (r.get() instanceof Value.NameValue n) {
            return Optional.of(n.name());
        }
        return mismatch(v, r.get(), slot, "a name or a string");
    }

    Optional<Long> duration(Value v, String slot) {
        Optional<Value> r = resolve(v);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        if (r.get() instanceof Value.DurationValue d) {
            return Optional.of(d.millis());
        }
        String hint = r.get() instanceof Value.NumberValue n ? "Add a unit, for example `" + n.text() + "m`." : null;
        return mismatch(v, r.get(), slot, "a duration such as `5m`", hint);
    }

    Optional<BigDecimal> number(Value v, String slot) {
        Optional<Value> r = resolve(v);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        if (r.get() instanceof Value.NumberValue n) {
            return Optional.of(n.value());
        }
        String hint = r.get() instanceof Value.PercentValue p
                ? "Write the fraction, `" + p.percent().movePointLeft(2).stripTrailingZeros().toPlainString()
                        + "`, or use a slot that takes percentages."
                : null;
        return mismatch(v, r.get(), slot, "a number", hint);
    }

    Optional<Integer> wholeNumber(Value v, String slot, int min) {
        Optional<BigDecimal> n = number(v, slot);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal d = n.get();
        if (d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(min)) < 0
                || d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            sink.error(Ids.TYPE_OUT_OF_RANGE, v.span(), "`" + slot + "` must be a whole number of at least " + min
                    + ", but is `" + d.toPlainString() + "`.", null);
            return Optional.empty();
        }
        return Optional.of(d.intValueExact());
    }

    /** A percentage in (0, 100]; written {@code 99.9%}. */
    Optional<BigDecimal> percent(Value v, String slot) {
        Optional<Value> r = resolve(v);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        if (r.get() instanceof Value.PercentValue p) {
            if (p.percent().signum() <= 0 || p.percent().compareTo(BigDecimal.valueOf(100)) > 0) {
                sink.error(Ids.TYPE_OUT_OF_RANGE, v.span(), "`" + slot + "` must be a percentage above 0% and at most 100%,"
                        + " but is `" + p.text() + "`.", "An objective is usually between `90%` and `99.999%`.");
                return Optional.empty();
            }
            return Optional.of(p.percent());
        }
        String hint = r.get() instanceof Value.NumberValue n && n.value().compareTo(BigDecimal.ONE) < 0
                ? "Write it as a percentage: `" + n.value().movePointRight(2).stripTrailingZeros().toPlainString() + "%`."
                : null;
        return mismatch(v, r.get(), slot, "a percentage such as `99.9%`", hint);
    }

    Optional<Boolean> bool(Value v, String slot) {
        Optional<Value> r = resolve(v);
        if (r.isPresent() && r.get() instanceof Value.NameValue n && (n.name().equals("true") || n.name().equals("false"))) {
            return Optional.of(n.name().equals("true"));
        }
        return r.isEmpty() ? Optional.empty() : mismatch(v, r.get(), slot, "`true` or `false`");
    }

    /** A list of strings or words; a single item is accepted as a list of one. */
    List<String> words(Value v, String slot) {
        return items(v, slot).stream().map(Item::text).toList();
    }

    /** A string or word of a list, and where it is written. */
    record Item(String text, Span span) {
    }

    /** As {@link #words}, with each item's span. */
    List<Item> items(Value v, String slot) {
        Optional<Value> r = resolve(v);
        if (r.isEmpty()) {
            return List.of();
        }
        List<Value> items = r.get() instanceof Value.ListValue l ? l.items() : List.of(r.get());
        List<Item> out = new ArrayList<>();
        for (Value item : items) {
            word(item, slot + " item").ifPresent(w -> out.add(new Item(w, item.span())));
        }
        return out;
    }

    List<BigDecimal> numbers(Value v, String slot) {
        Optional<Value> r = resolve(v);
        if (r.isEmpty()) {
            return List.of();
        }
        List<Value> items = r.get() instanceof Value.ListValue l ? l.items() : List.of(r.get());
        List<BigDecimal> out = new ArrayList<>();
        for (Value item : items) {
            number(item, slot + " item").ifPresent(out::add);
        }
        return out;
    }

    private <T> Optional<T> mismatch(Value written, Value actual, String slot, String expected) {
        return mismatch(written, actual, slot, expected, null);
    }

    private <T> Optional<T> mismatch(Value written, Value actual, String slot, String expected, String hint) {
        String via = written instanceof Value.ConstRefValue c ? " (through `$" + c.name() + "`)" : "";
        sink.error(Ids.TYPE_MISMATCH, written.span(),
                "`" + slot + "` expects " + expected + ", but got " + actual.kind() + via + ".", hint);
        return Optional.empty();
    }
}
