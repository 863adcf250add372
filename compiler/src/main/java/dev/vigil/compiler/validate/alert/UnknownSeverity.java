package dev.vigil.compiler.validate.alert;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.validate.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A severity outside the declared order: on an alert, or compared in a route or inhibition (with
 * {@code =}, an ordering, or a regex of literal values none of which is declared). Routes select by
 * severity, so an alert with an undeclared one reaches no severity route.
 */
public final class UnknownSeverity implements Validator {
    /** A regex that is an alternation of literal values: {@code critical|warning}. */
    private static final Pattern LITERALS = Pattern.compile("[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)*");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        List<String> levels = project.severities() == null ? List.of() : project.severities().levels();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.severity() != null) {
                        check(a.severity().name(), a.severity().span(), levels, sink);
                    }
                }
            }
        }
        Routing routing = project.routing();
        if (routing == null) {
            return;
        }
        boolean regexes = project.fromVigilSources();
        routes(routing.routes(), levels, regexes, sink);
        for (Routing.Inhibition in : routing.inhibitions()) {
            matchers(in.target(), levels, regexes, sink);
            matchers(in.source(), levels, regexes, sink);
        }
    }

    private void routes(List<Routing.Route> routes, List<String> levels, boolean regexes, DiagnosticSink sink) {
        for (Routing.Route r : routes) {
            matchers(r.matchers(), levels, regexes, sink);
            routes(r.children(), levels, regexes, sink);
        }
    }

    /**
     * {@code regexes}: whether a regex made only of undeclared literal values is reported. In Vigil
     * sources the declared order is every level an alert can have; {@code vigil lint} builds its order
     * from the values the files use with {@code =}, and an Alertmanager configuration linted without
     * the rule files its alerts come from does not know their levels.
     */
    private void matchers(List<Routing.Matcher> matchers, List<String> levels, boolean regexes, DiagnosticSink sink) {
        for (Routing.Matcher m : matchers) {
            if (regexes && "severity".equals(m.label()) && "=~".equals(m.op()) && m.value() != null
                    && LITERALS.matcher(m.value()).matches()
                    && Arrays.stream(m.value().split("\\|")).noneMatch(levels::contains)) {
                // `severity =~ "critical|warning"` with P1-P4 declared selects no alert, as `=` would;
                // a regex that also names a declared level (a migration) is fine.
                sink.error(id(), m.span(), "`severity =~ \"" + m.value() + "\"` names no declared severity, so it matches no alert.",
                        "The declared severities are " + String.join(" > ", levels) + ".");
                continue;
            }
            // `!=` an unknown level and other regexes are legitimate; `=` and the orderings must name a level.
            if ("severity".equals(m.label()) && m.op() != null && !m.op().contains("~") && !m.op().equals("!=")) {
                // An ordering is written as the levels it selects, which an unknown level has none of.
                boolean ordering = m.op().startsWith(">") || m.op().startsWith("<");
                check(m.value(), m.span(), levels, sink, ordering);
            }
        }
    }

    private void check(String name, Span span, List<String> levels, DiagnosticSink sink) {
        check(name, span, levels, sink, false);
    }

    private void check(String name, Span span, List<String> levels, DiagnosticSink sink, boolean blocking) {
        if (name == null || levels.contains(name)) {
            return;
        }
        String near = Suggest.closest(name, levels);
        String hint = (near != null ? "Did you mean `" + near + "`? " : "") + "The declared severities are "
                + String.join(" > ", levels) + ".";
        if (blocking) {
            sink.blocking(id(), span, "Unknown severity `" + name + "`.", hint);
        } else {
            sink.error(id(), span, "Unknown severity `" + name + "`.", hint);
        }
    }
}
