package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One place where an expression names a Vigil constant ({@code $name}), and what kind of value
 * that place needs: see {@link Position}.
 */
public record ConstantUse(String name, Position position, Span span) {
    public ConstantUse {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
    }

    /** Where a constant stands. */
    public enum Position {
        /** An operand, {@code metric > $threshold}: a number, duration or string. */
        EXPRESSION,
        /** A label matcher value, {@code {env=$env}}: a string. */
        MATCHER_VALUE,
        /** Inside {@code [...]} or after {@code offset}: a duration. */
        DURATION,
        /** A template's labels or matchers, {@code by ($labels)} or {@code {$selector}}, not yet expanded. */
        PARAMETER
    }

    /** As a {@link ConstRef}, the form the printer's substitution callback receives. */
    public ConstRef ref() {
        return new ConstRef(name, span);
    }

    /** Every constant use in {@code expr}, in source order. */
    public static List<ConstantUse> in(Expr expr) {
        List<ConstantUse> uses = new ArrayList<>();
        Expr.walk(expr, e -> {
            if (e instanceof ConstRef c) {
                uses.add(new ConstantUse(c.name(), Position.EXPRESSION, c.span()));
            } else if (e instanceof VectorSelector v) {
                for (LabelMatcher m : v.matchers()) {
                    if (m.constRef() != null) {
                        uses.add(new ConstantUse(m.constRef(), m.name().isEmpty() ? Position.PARAMETER
                                : Position.MATCHER_VALUE, m.span()));
                    }
                }
            } else if (e instanceof Aggregation a && a.grouping() != null) {
                parameters(a.grouping().labels(), a.grouping().span(), uses);
            } else if (e instanceof Binary b && b.matching() != null) {
                parameters(b.matching().labels(), b.matching().span(), uses);
                parameters(b.matching().include(), b.matching().span(), uses);
            } else if (e instanceof MatrixSelector m) {
                durations(m.range(), uses);
            } else if (e instanceof Subquery s) {
                durations(s.range(), uses);
                if (s.step() != null) {
                    durations(s.step(), uses);
                }
            } else if (e instanceof OffsetExpr o) {
                durations(o.offset(), uses);
            }
        });
        uses.sort((a, b) -> a.span().compareTo(b.span()));
        return uses;
    }

    private static void parameters(List<String> labels, Span span, List<ConstantUse> uses) {
        for (String l : labels) {
            if (l.startsWith("$")) {
                uses.add(new ConstantUse(l.substring(1), Position.PARAMETER, span));
            }
        }
    }

    private static void durations(DurationExpr d, List<ConstantUse> uses) {
        if (d instanceof DurationRef r) {
            uses.add(new ConstantUse(r.name(), Position.DURATION, r.span()));
        } else if (d instanceof DurationUnary u) {
            durations(u.expr(), uses);
        } else if (d instanceof DurationParen p) {
            durations(p.expr(), uses);
        } else if (d instanceof DurationBinary b) {
            durations(b.lhs(), uses);
            durations(b.rhs(), uses);
        } else if (d instanceof DurationCall c) {
            for (DurationExpr a : c.args()) {
                durations(a, uses);
            }
        }
    }
}
