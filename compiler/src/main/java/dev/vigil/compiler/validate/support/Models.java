package dev.vigil.compiler.validate.support;

import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Metric;
import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.DurationExpr;
import dev.vigil.compiler.promql.DurationLiteral;
import dev.vigil.compiler.promql.DurationParen;
import dev.vigil.compiler.promql.DurationRef;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.source.Span;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** Small read-only helpers shared by the validators: reading durations, matchers and declared metrics. */
public final class Models {
    private Models() {
    }

    /** The length of a literal duration or of a duration constant; empty for anything computed or unknown. */
    public static OptionalLong millis(DurationExpr d, Map<String, Constant> constants) {
        if (d instanceof DurationLiteral l) {
            return OptionalLong.of(l.millis());
        }
        if (d instanceof DurationParen p) {
            return millis(p.expr(), constants);
        }
        if (d instanceof DurationRef r && constants != null) {
            Constant c = constants.get(r.name());
            if (c != null && c.value() instanceof Value.DurationValue v) {
                return OptionalLong.of(v.millis());
            }
        }
        return OptionalLong.empty();
    }

    /** A matcher's value: as written, or the string constant it names; null when it cannot be known. */
    public static String matcherValue(LabelMatcher m, Map<String, Constant> constants) {
        if (m.constRef() == null) {
            return m.value();
        }
        if (constants != null) {
            Constant c = constants.get(m.constRef());
            if (c != null && c.value() instanceof Value.StringValue s) {
                return s.value();
            }
        }
        return null;
    }

    /**
     * Declared metric types across the project. A histogram or summary also declares its
     * {@code _count} and {@code _sum} series (and a histogram its {@code _bucket}), which are counters.
     * A name declared with two different types is left out.
     */
    public static Map<String, MetricType> metricTypes(Project project) {
        Map<String, MetricType> types = new HashMap<>();
        Set<String> conflicting = new HashSet<>();
        for (Service s : project.services()) {
            for (Metric m : s.metrics()) {
                if (m == null || m.name() == null || m.type() == null) {
                    continue;
                }
                put(types, conflicting, m.name(), m.type());
                if (m.type() == MetricType.HISTOGRAM || m.type() == MetricType.SUMMARY) {
                    put(types, conflicting, m.name() + "_count", MetricType.COUNTER);
                    put(types, conflicting, m.name() + "_sum", MetricType.COUNTER);
                }
                if (m.type() == MetricType.HISTOGRAM) {
                    put(types, conflicting, m.name() + "_bucket", MetricType.COUNTER);
                }
            }
        }
        conflicting.forEach(types::remove);
        recordingNames(project).forEach(types::remove);
        return types;
    }

    private static void put(Map<String, MetricType> types, Set<String> conflicting, String name, MetricType type) {
        MetricType old = types.putIfAbsent(name, type);
        if (old != null && old != type) {
            conflicting.add(name);
        }
    }

    /** Every recording rule name of the project. */
    public static Set<String> recordingNames(Project project) {
        Set<String> names = new HashSet<>();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Recording rec && rec.name() != null) {
                        names.add(rec.name());
                    }
                }
            }
        }
        return names;
    }

    /** The first {@code length} characters of {@code span}'s first line: the function name of a call, say. */
    public static Span prefix(Span span, int length) {
        return new Span(span.file(), span.line(), span.column(), span.line(), span.column() + length);
    }
}
