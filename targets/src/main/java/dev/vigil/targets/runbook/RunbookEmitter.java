package dev.vigil.targets.runbook;

import dev.vigil.compiler.model.AlertWindows;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.DashboardNames;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.model.AlertThreshold;
import dev.vigil.compiler.routing.AlertLabels;
import dev.vigil.compiler.routing.AlertRouting;
import dev.vigil.compiler.routing.Truth;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputManifest;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.targets.prometheus.RuleFiles;
import freemarker.template.Configuration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code runbooks/<service>/<Alert>.md} for every alert and {@code runbooks/<service>/README.md}
 * indexing the service's alerts, SLOs and dashboards. Everything a runbook states about the alert
 * (expression, threshold, {@code for}, severity, inhibitions) is read from the model, never retyped.
 * FreeMarker templates ship in this module; a project can override them with a directory holding
 * {@code runbook.md.ftl}, {@code index.md.ftl} and/or {@code slo-runbook.md.ftl} ({@link RunbookTemplates}).
 */
public final class RunbookEmitter implements Emitter {
    static final String RUNBOOK = "runbook.md.ftl";
    static final String INDEX = "index.md.ftl";

    @Override
    public String name() {
        return "runbooks";
    }

    /** What the pages look names up in, built once per build: looking them up per alert would read every service. */
    private record Names(DashboardNames dashboards, Map<String, Service> alertOwners) {
        static Names of(Project project) {
            Map<String, Service> owners = new HashMap<>();
            for (Service s : project.services()) {
                for (RuleGroup g : s.groups()) {
                    for (Rule r : g.rules()) {
                        if (r instanceof Rule.Alert a && a.name() != null) {
                            owners.putIfAbsent(a.name(), s);
                        }
                    }
                }
            }
            return new Names(DashboardNames.of(project.services()), owners);
        }
    }

    @Override
    public void emit(Project project, EmitSettings settings, OutputManifest out) {
        Configuration freemarker = RunbookTemplates.configuration(settings);
        Names names = Names.of(project);
        for (Service service : project.services()) {
            Map<String, Constant> constants = QueryText.scope(project, service);
            String dir = "runbooks/" + Links.segment(service.name()) + "/";
            List<Map<String, Object>> alerts = new ArrayList<>();
            java.util.Set<String> written = new java.util.HashSet<>();
            for (RuleGroup g : service.groups()) {
                for (Rule r : g.rules()) {
                    // An SLO's burn-rate alerts have runbooks of their own (SloRunbookEmitter). An alert
                    // pasted twice word for word (a Duplicate.IdenticalRule warning) has one runbook.
                    if (r instanceof Rule.Alert a && !isSloBurn(a) && written.add(a.name())) {
                        Map<String, Object> alert = alert(project, names, service, g, a, constants);
                        alerts.add(alert);
                        out.writeText(dir + alert.get("file"), RunbookTemplates.render(freemarker, RUNBOOK, Map.of(
                                "alert", alert, "service", serviceData(service), "md", MarkdownHelpers.model())));
                    }
                }
            }
            if (alerts.isEmpty() && service.slos().isEmpty() && service.dashboards().isEmpty()) {
                continue;
            }
            Map<String, Object> index = new HashMap<>();
            index.put("service", serviceData(service));
            index.put("alerts", alerts);
            index.put("slos", service.slos().stream().map(RunbookEmitter::slo).toList());
            index.put("sloAlerts", sloAlerts(service));
            index.put("dashboards", service.dashboards().stream().map(d -> dashboard(names, service, d)).toList());
            index.put("md", MarkdownHelpers.model());
            out.writeText(dir + "README.md", RunbookTemplates.render(freemarker, INDEX, index));
        }
    }

    /** One page of the output: its path below the output directory and its text. */
    public record Page(String path, String text) {
    }

    /**
     * The runbook of one alert of {@code service}, exactly as {@link #emit} writes it, for a preview of one
     * alert (the language server's) without rendering every page; empty for an alert the service does not
     * hold and for an SLO's burn-rate alert, whose page {@link SloRunbookEmitter} writes.
     */
    public static java.util.Optional<Page> page(Project project, EmitSettings settings, Service service, Rule.Alert alert) {
        if (alert.name() == null || isSloBurn(alert)) {
            return java.util.Optional.empty();
        }
        for (RuleGroup g : service.groups()) {
            for (Rule r : g.rules()) {
                // The first alert of the name, as emit writes one page per name.
                if (r instanceof Rule.Alert a && !isSloBurn(a) && alert.name().equals(a.name())) {
                    Map<String, Object> data = alert(project, Names.of(project), service, g, a,
                            QueryText.scope(project, service));
                    String text = RunbookTemplates.render(RunbookTemplates.configuration(settings), RUNBOOK, Map.of(
                            "alert", data, "service", serviceData(service), "md", MarkdownHelpers.model()));
                    return java.util.Optional.of(new Page("runbooks/" + Links.segment(service.name()) + "/"
                            + data.get("file"), text));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static Map<String, Object> serviceData(Service s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("team", s.team() == null ? "" : s.team());
        m.put("links", s.links());
        return m;
    }

    private static Map<String, Object> alert(Project project, Names names, Service service, RuleGroup group,
            Rule.Alert a, Map<String, Constant> constants) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("file", Links.runbookFile(a.name()));
        m.put("group", group.name());
        m.put("severity", a.severity() == null ? "" : a.severity().name());
        m.put("summary", a.summary() == null ? "" : a.summary());
        m.put("description", a.description() == null ? "" : a.description());
        m.put("expr", RuleFiles.alertExpr(a, constants));
        m.put("threshold", AlertThreshold.of(a.expr(), constants).map(AlertThreshold::text).orElse(""));
        m.put("for", a.forMillis() > 0 ? Durations.format(a.forMillis()) : "");
        m.put("keepFiringFor", a.keepFiringForMillis() > 0 ? Durations.format(a.keepFiringForMillis()) : "");
        m.put("labels", a.labels());
        m.put("guard", a.guard() == null ? "" : QueryText.of(a.guard(), constants));
        Rule.Runbook rb = a.runbook();
        m.put("meaning", rb.meaning() == null ? "" : rb.meaning());
        m.put("triage", rb.triage());
        String prometheus = prometheusUrl(project, service);
        m.put("diagnoses", rb.diagnoses().stream().map(d -> {
            Map<String, Object> dm = new LinkedHashMap<>();
            String query = QueryText.of(d.query(), constants);
            dm.put("title", d.title());
            dm.put("query", query);
            dm.put("url", prometheus.isEmpty() ? "" : prometheus + "/graph?g0.expr="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&g0.tab=0");
            return dm;
        }).toList());
        m.put("remediations", rb.remediations().stream().map(r -> {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("text", r.text());
            rm.put("command", r.command() == null ? "" : r.command());
            return rm;
        }).toList());
        m.put("escalation", rb.escalation());
        m.put("related", related(names, service, rb.related()));
        m.put("panel", a.panel() == null ? Map.of() : panelLink(names, service, a.panel()));
        m.put("inhibitedBy", inhibitions(project, service, a));
        m.putAll(templateOrigin(a.span()));
        return m;
    }

    /**
     * For the footer of a runbook whose alert a template wrote: `templates`, innermost first. Only names:
     * the page does not change when the file of the `use` is renamed or lines are added above it.
     */
    static Map<String, Object> templateOrigin(dev.vigil.compiler.source.Span span) {
        return Map.of("templates", span.templates());
    }

    private static String prometheusUrl(Project project, Service service) {
        String url = service.links().getOrDefault("prometheus", project.settings().prometheusUrl());
        return url == null ? "" : url.replaceAll("/+$", "");
    }

    private static List<Map<String, Object>> related(Names names, Service service, List<Ref> refs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Ref r : refs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.toString());
            Service owner = names.alertOwners().get(r.name());
            if (r.kind() != Ref.Kind.PANEL && owner != null) {
                m.put("kind", "alert");
                m.put("url", (owner == service ? "" : "../" + Links.segment(owner.name()) + "/")
                        + Links.runbookFile(r.name()));
            } else {
                Map<String, Object> panel = panelLink(names, service, r);
                m.put("kind", "dashboard");
                m.put("url", panel.getOrDefault("url", ""));
                m.put("name", panel.getOrDefault("title", r.toString()));
            }
            out.add(m);
        }
        return out;
    }

    /**
     * A dashboard (or one of its panels) as a title and, when its service has a Grafana base URL, a link; the name
     * resolves as in Grafana's output (the service's own dashboard first, else the one other service's).
     */
    private static Map<String, Object> panelLink(Names names, Service service, Ref ref) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (names.dashboards().resolve(service.name(), ref.name()) instanceof DashboardNames.Found f) {
            Dashboard d = f.dashboard();
            String title = d.title();
            if (ref.member() != null) {
                for (Dashboard.Row row : d.rows()) {
                    for (Dashboard.Panel p : row.panels()) {
                        if (p.name().equals(ref.member())) {
                            title = d.title() + ": " + p.title();
                        }
                    }
                }
            }
            m.put("title", title);
            m.put("url", Links.dashboardUrl(names.dashboards(), service, ref).orElse(""));
        }
        return m;
    }

    private static Map<String, Object> dashboard(Names names, Service service, Dashboard d) {
        Map<String, Object> m = panelLink(names, service, Ref.of(Ref.Kind.DASHBOARD, d.name(), d.span()));
        m.put("panels", d.rows().stream().mapToInt(r -> r.panels().size()).sum());
        return m;
    }

    private static Map<String, Object> slo(Slo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("objective", s.objectivePercent() == null ? "" : QueryText.number(s.objectivePercent()) + "%");
        // As the SLO names it (30d), not as a PromQL duration (4w2d).
        m.put("window", AlertWindows.format(s.windowMillis()));
        m.put("description", s.description() == null ? "" : s.description());
        return m;
    }

    private static boolean isSloBurn(Rule.Alert a) {
        return a.origin() instanceof Origin.FromSlo from && from.burn() != null;
    }

    /** The burn-rate alerts of the service's SLOs, each with its runbook (written by {@code SloRunbookEmitter}). */
    private static List<Map<String, Object>> sloAlerts(Service service) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RuleGroup g : service.groups()) {
            for (Rule r : g.rules()) {
                if (r instanceof Rule.Alert a && a.origin() instanceof Origin.FromSlo from && from.burn() != null) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", a.name());
                    m.put("file", Links.runbookFile(a.name()));
                    m.put("slo", from.slo());
                    m.put("severity", a.severity().name());
                    m.put("tier", from.burn().tier());
                    m.put("conditions", from.burn().windows().stream().map(Origin.BurnWindow::condition).toList());
                    m.put("for", a.forMillis() > 0 ? Durations.format(a.forMillis()) : "");
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** The inhibition rules whose target side matches this alert's own labels. */
    private static List<Map<String, Object>> inhibitions(Project project, Service service, Rule.Alert a) {
        Map<String, String> labels = new HashMap<>(a.labels());
        labels.put("alertname", a.name());
        AlertRouting semantics = AlertRouting.of(project);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Routing.Inhibition in : project.routing().inhibitions()) {
            boolean targets = in.targetAlert() != null ? in.targetAlert().name().equals(a.name())
                    : !in.target().isEmpty() && semantics.matchesAll(in.target(), AlertLabels.of(labels)) == Truth.YES;
            if (!targets) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            // Each shown as code by the template.
            m.put("source", in.sourceAlert() != null ? List.of(in.sourceAlert().name())
                    : in.source().stream().map(s -> s.label() + s.op() + s.value()).toList());
            m.put("equal", in.equal());
            out.add(m);
        }
        return out;
    }
}

