package dev.vigil.compiler.validate.naming;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.validate.Validator;
import java.util.regex.Pattern;

/**
 * A recording rule whose name does not follow Prometheus's {@code level:metric:operations}
 * convention: three colon-separated parts, each a name ({@code job:http_requests:rate5m}). Naming is
 * style, so it is information unless the project raises it.
 */
public final class RecordingRule implements Validator {
    private static final Pattern PART = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Recording rec && rec.name() != null && !follows(rec.name())) {
                        // Style, not a fault: information, which a project can raise in `checks { }`.
                        sink.report(new Diagnostic(id(), Severity.INFO, rec.span(), "Recording rule `" + rec.name()
                                        + "` does not follow the `level:metric:operations` naming convention.",
                                suggestion(rec, analysis.labels()),
                                null));
                    }
                }
            }
        }
    }

    static boolean follows(String name) {
        String[] parts = name.split(":", -1);
        if (parts.length < 3) {
            return false;
        }
        for (String p : parts) {
            if (!PART.matcher(p).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The name with its level written out from the labels the rule keeps (a few of them, known): a three-part
     * name keeps its metric and operations, and a shorter one gets a placeholder for what was done,
     * which Vigil cannot name for the author.
     */
    private static String suggestion(Rule.Recording rec, LabelInference li) {
        LabelSet kept = rec.expr() == null ? null : li.infer(rec.expr()).labels();
        String level = kept != null && !kept.open() && !kept.names().isEmpty() && kept.names().size() <= 3
                ? String.join("_", kept.names()) : "level";
        String[] parts = rec.name().split(":", -1);
        String named;
        if (parts.length >= 3) {
            parts[0] = PART.matcher(parts[0]).matches() ? parts[0] : level;
            named = String.join(":", parts);
            if (!follows(named)) {
                return "Name it `level:metric:operations`: the labels it keeps, the metric, and what was done to it.";
            }
            return "Name it `" + named + "`: the labels it keeps, the metric, and what was done to it.";
        }
        return "Name it `" + level + ":" + rec.name().replace(':', '_') + ":<operations>`: the labels it keeps, the metric, "
                + "and what was done to it (`rate5m`, `ratio_rate5m`, `p99`).";
    }
}
