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
import java.util.List;

/**
 * A severity outside the declared order: on an alert, or compared in a route or inhibition. Routes
 * select by severity, so an alert with an undeclared one reaches no severity route.
 */
public final class UnknownSeverity implements Validator {
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
        routes(routing.routes(), levels, sink);
        for (Routing.Inhibition in : routing.inhibitions()) {
            matchers(in.target(), levels, sink);
            matchers(in.source(), levels, sink);
        }
    }

    private void routes(List<Routing.Route> routes, List<String> levels, DiagnosticSink sink) {
        for (Routing.Route r : routes) {
            matchers(r.matchers(), levels, sink);
            routes(r.children(), levels, sink);
        }
    }

    private void matchers(List<Routing.Matcher> matchers, List<String> levels, DiagnosticSink sink) {
        for (Routing.Matcher m : matchers) {
            // `!=` an unknown level and regexes are legitimate; `=` and the orderings must name a level.
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
