package dev.vigil.targets.grafana;

import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Prometheus queries and texts of the annotations that draw when an alert fired. */
final class AlertAnnotations {
    /** Prometheus's label template, `{{ $labels.tenant }}`, which Grafana's text format writes `{{tenant}}`. */
    private static final Pattern LABEL = Pattern.compile("\\{\\{\\s*\\$labels\\.([a-zA-Z_][a-zA-Z0-9_]*)\\s*}}");

    private AlertAnnotations() {
    }

    /**
     * The alert's series in {@code ALERTS} while it fires. Alert names are unique in a project, but other rule
     * files loaded into the same Prometheus may reuse one: the {@code service} label every Vigil alert carries
     * keeps the panel to this project's alert, unless the alert takes that label from its query (a template).
     */
    static String firing(Rule.Alert alert) {
        List<LabelMatcher> matchers = new ArrayList<>();
        matchers.add(equal("alertname", alert.name()));
        matchers.add(equal("alertstate", "firing"));
        String service = alert.labels().get("service");
        // Grafana would read `$` as one of its variables, and a template is not the value the series carries.
        if (service != null && !service.contains("{{") && !service.contains("$")) {
            matchers.add(equal("service", service));
        }
        // Printed by the compiler's printer, which quotes values as every other query Vigil writes.
        return PromqlPrinter.print(new VectorSelector("ALERTS", matchers, Span.NONE));
    }

    private static LabelMatcher equal(String name, String value) {
        return new LabelMatcher(name, MatchOp.EQ, value, null, Span.NONE);
    }

    /**
     * The alert's summary as the annotation's text, its label templates in Grafana's form; null when it has
     * other templates ({@code $value}, functions), which only Prometheus can fill in.
     */
    static String text(String summary) {
        if (summary == null) {
            return null;
        }
        Matcher m = LABEL.matcher(summary);
        String text = m.replaceAll(r -> Matcher.quoteReplacement("{{" + r.group(1) + "}}"));
        String withoutLabels = LABEL.matcher(summary).replaceAll("");
        return withoutLabels.contains("{{") ? null : text;
    }
}
