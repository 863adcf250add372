package dev.vigil.compiler.model;

import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.target.FloatLabels;
import dev.vigil.compiler.target.TargetVersions;

/** Matchers on the numeric labels ({@code le}, {@code quantile}) in the form the target stores them. */
public final class NumericMatchers {
    private NumericMatchers() {
    }

    /**
     * A matcher on {@code label} for the number {@code number} that matches the series the targets
     * store: the exporter's form before Prometheus 3, the normalised form from 3.0, and either while
     * the output must load in both.
     */
    public static LabelMatcher matcher(String label, String number, TargetVersions targets, Span span) {
        String exposed = FloatLabels.exposed(number).orElse(number);
        String normalised = FloatLabels.normalised(number).orElse(number);
        TargetVersions.Tool prometheus = TargetVersions.Tool.PROMETHEUS;
        boolean before = !targets.of(prometheus).atLeast(FloatLabels.NORMALISING);
        boolean from = targets.newest(prometheus).atLeast(FloatLabels.NORMALISING);
        if (!from) {
            return new LabelMatcher(label, MatchOp.EQ, exposed, null, span);
        }
        if (!before || exposed.equals(normalised)) {
            return new LabelMatcher(label, MatchOp.EQ, normalised, null, span);
        }
        return new LabelMatcher(label, MatchOp.RE, quote(exposed) + "|" + quote(normalised), null, span);
    }

    /** A number's text as a regex that matches it literally (it holds only digits, {@code .+-e} and letters). */
    private static String quote(String literal) {
        return literal.replace("\\", "\\\\").replace(".", "\\.").replace("+", "\\+");
    }

}
