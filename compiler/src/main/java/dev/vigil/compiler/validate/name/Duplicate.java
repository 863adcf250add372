package dev.vigil.compiler.validate.name;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Metric;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.duplicate.RuleIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two declarations of the same kind with the same name in one scope. The first one wins and each
 * later one is reported, pointing back at the first. Catches the seed's duplicated rule group.
 * Alerts are reported here only when their identities are distinct (Vigil refers to alerts by
 * name); exact copies and colliding identities are {@code Duplicate.IdenticalRule} and
 * {@code Duplicate.AlertIdentity}, and repeated recording names are the Duplicate checks' too.
 */
public final class Duplicate implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Scope services = new Scope("service", sink, id());
        for (VigilFile f : project.files()) {
            for (Decl d : f.decls()) {
                if (d instanceof Decl.ServiceDecl s && !s.extension()) {
                    services.add(s.name().text(), s.name().span());
                }
            }
        }
        Scope globals = new Scope("constant", sink, id());
        project.constants().forEach(c -> globals.add(c.name(), c.span()));
        // Alerts whose identities can coincide, and rules repeated exactly, are the Duplicate.* checks'
        // findings; a recording name may repeat, and Duplicate.RecordingRule says when that collides.
        Map<String, List<Rule.Alert>> alerts = new HashMap<>();
        Scope uids = new Scope("dashboard uid", sink, id());
        for (Service s : project.services()) {
            Scope constants = new Scope("constant", sink, id());
            for (Constant c : s.constants()) {
                if (globals.has(c.name())) {
                    sink.error(id(), c.span(), "Constant `" + c.name() + "` is already declared for the whole project.",
                            "First declared at " + globals.first(c.name()) + "; rename one of them.");
                } else {
                    constants.add(c.name(), c.span());
                }
            }
            Scope metrics = new Scope("metric", sink, id());
            for (Metric m : s.metrics()) {
                metrics.add(m.name(), m.span());
            }
            Scope groups = new Scope("rule group", sink, id());
            for (RuleGroup g : s.groups()) {
                groups.add(g.name(), g.span());
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.name() != null) {
                        List<Rule.Alert> earlier = alerts.computeIfAbsent(a.name(), k -> new ArrayList<>());
                        Rule.Alert first = earlier.isEmpty() ? null : earlier.get(0);
                        earlier.add(a);
                        if (first != null && (generated(first) || generated(a))) {
                            generatedCollision(first, a, sink);
                            continue;
                        }
                        // In .vigil projects runbooks, panels and inhibitions name alerts, so a name means one
                        // alert. Existing rule files (lint) legitimately reuse a name for severity variants.
                        // An earlier copy or a possibly equal identity is Duplicate.IdenticalRule's or
                        // Duplicate.AlertIdentity's finding, judged with the same labels they know.
                        if (first != null && !project.files().isEmpty() && earlier.subList(0, earlier.size() - 1).stream()
                                .noneMatch(e -> RuleIdentity.identical(e, a) || RuleIdentity.canCoincide(e, a, analysis.labels()))) {
                            sink.error(id(), a.span(), "Duplicate alert `" + a.name() + "`.",
                                    "It is first declared at " + first.span() + "; rename or remove one of them.");
                        }
                    }
                }
            }
            Scope slos = new Scope("SLO", sink, id());
            for (Slo slo : s.slos()) {
                slos.add(slo.name(), slo.span());
            }
            Scope dashboards = new Scope("dashboard", sink, id());
            for (Dashboard d : s.dashboards()) {
                // A repeated dashboard would also repeat its derived uid; one report is enough.
                if (!dashboards.has(d.name())) {
                    uids.add(d.uid(), d.span());
                }
                dashboards.add(d.name(), d.span());
                Scope panels = new Scope("panel", sink, id());
                Scope variables = new Scope("variable", sink, id());
                d.variables().forEach(v -> variables.add(v.name(), v.span()));
                for (Dashboard.Row row : d.rows()) {
                    row.panels().forEach(p -> panels.add(p.name(), p.span()));
                }
            }
            Scope tests = new Scope("test", sink, id());
            for (TestCase t : s.tests()) {
                tests.add(t.name(), t.span());
            }
        }
        Routing routing = project.routing();
        Scope receivers = new Scope("receiver", sink, id());
        routing.receivers().forEach(r -> receivers.add(r.name(), r.span()));
        Scope intervals = new Scope("time interval", sink, id());
        routing.timeIntervals().forEach(t -> intervals.add(t.name(), t.span()));
        Scope defaults = new Scope("default route", sink, id());
        routing.routes().stream().filter(Routing.Route::isDefault).forEach(r -> defaults.add("default", r.span()));
    }

    private static boolean generated(Rule.Alert a) {
        return !(a.origin() instanceof Origin.Written);
    }

    /** A generated alert shares its name with another: reported at both, since either may be renamed. */
    private void generatedCollision(Rule.Alert first, Rule.Alert second, DiagnosticSink sink) {
        for (Rule.Alert a : List.of(first, second)) {
            Rule.Alert other = a == first ? second : first;
            String elsewhere = other.origin() instanceof Origin.FromSlo o
                    ? "SLO `" + o.slo() + "` also generates it at " + other.span()
                    : "it is also declared at " + other.span();
            String message = a.origin() instanceof Origin.FromSlo s
                    ? "SLO `" + s.slo() + "` generates alert `" + a.name() + "`, and " + elsewhere + "."
                    : "Alert `" + a.name() + "` has the name of an alert that SLO `"
                            + ((Origin.FromSlo) other.origin()).slo() + "` generates at " + other.span() + ".";
            sink.error(id(), a.span(), message, "Rename the declared alert or the SLO: burn-rate alerts are named "
                    + "after the service, the SLO and the tier.");
        }
    }

    /** Names seen so far in one scope, with where each was first declared. */
    private static final class Scope {
        private final String kind;
        private final DiagnosticSink sink;
        private final String id;
        private final Map<String, Span> first = new HashMap<>();

        Scope(String kind, DiagnosticSink sink, String id) {
            this.kind = kind;
            this.sink = sink;
            this.id = id;
        }

        void add(String name, Span span) {
            Span earlier = first.putIfAbsent(name, span);
            if (earlier != null) {
                sink.error(id, span, "Duplicate " + kind + " `" + name + "`.",
                        "It is first declared at " + earlier + "; rename or remove one of them.");
            }
        }

        boolean has(String name) {
            return first.containsKey(name);
        }

        Span first(String name) {
            return first.get(name);
        }
    }
}
