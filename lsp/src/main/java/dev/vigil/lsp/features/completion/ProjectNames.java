package dev.vigil.lsp.features.completion;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.analysis.Inferred;
import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Values;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Metric;
import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.lsp.workspace.ProjectResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;

/**
 * Everything a project declares that completion offers, read once per compilation from the compiler's
 * model (built despite errors, {@link CompileResult#analysed()}) and, for templates, which expansion leaves
 * out of the model, from its parsed files. Labels come from the metrics' declarations and, for recording
 * rules, from the compiler's label inference.
 */
final class ProjectNames {
    /** A name and what to show beside it. */
    record Named(String name, String detail, String documentation) {
    }

    /** A template: its kind ({@code blueprint}, {@code template rules}, {@code template panels}) and parameters. */
    record Template(String name, Decl.TemplateKind kind, String parameters) {
    }

    static final ProjectNames EMPTY = new ProjectNames(null, Map.of());

    private static final Map<ProjectResult, ProjectNames> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final Project model;
    final List<Named> globalConstants = new ArrayList<>();
    final Map<String, List<Named>> serviceConstants = new TreeMap<>();
    final Map<String, Metric> metrics = new TreeMap<>();
    final TreeSet<String> recordingRules = new TreeSet<>();
    final Map<String, String> alerts = new TreeMap<>();
    final Map<String, Named> receivers = new TreeMap<>();
    final Map<String, Named> timeIntervals = new TreeMap<>();
    /** Dashboards by name, with their panels by name; a name used in two services is listed once. */
    final Map<String, Named> dashboards = new TreeMap<>();
    final Map<String, Map<String, Named>> panels = new TreeMap<>();
    final List<String> severities = new ArrayList<>();
    final Map<String, Template> templates = new TreeMap<>();
    private LabelInference inference;

    private ProjectNames(Project model, Map<String, VigilFile> files) {
        this.model = model;
        if (model != null) {
            read(model);
        }
        files.values().forEach(this::templates);
    }

    /** The names of a compilation, made once per compilation. */
    static ProjectNames of(ProjectResult result) {
        Optional<CompileResult.Analysed> analysed = result.result().analysed();
        if (analysed.isEmpty() && result.result().project().isEmpty()) {
            return EMPTY;
        }
        return CACHE.computeIfAbsent(result, r -> analysed.isPresent()
                ? new ProjectNames(analysed.get().model(), analysed.get().files())
                : new ProjectNames(r.result().project().get(), Map.of()));
    }

    private void read(Project p) {
        p.constants().forEach(c -> globalConstants.add(constant(c)));
        severities.addAll(p.severities().levels());
        for (Service s : p.services()) {
            s.constants().forEach(c -> serviceConstants.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(constant(c)));
            for (Metric m : s.metrics()) {
                if (m != null && m.name() != null) {
                    metrics.putIfAbsent(m.name(), m);
                }
            }
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Recording rec && rec.name() != null) {
                        recordingRules.add(rec.name());
                    } else if (r instanceof Rule.Alert a && a.name() != null) {
                        alerts.putIfAbsent(a.name(), s.name());
                    }
                }
            }
            for (Dashboard d : s.dashboards()) {
                if (d.name() == null) {
                    continue;
                }
                dashboards.putIfAbsent(d.name(), new Named(d.name(), "dashboard of " + s.name(), d.title()));
                Map<String, Named> own = panels.computeIfAbsent(d.name(), k -> new TreeMap<>());
                for (Dashboard.Row row : d.rows()) {
                    for (Dashboard.Panel panel : row.panels()) {
                        if (panel.name() != null) {
                            own.putIfAbsent(panel.name(), new Named(panel.name(),
                                    panel.type() == null ? "panel" : panel.type().grafanaId() + " panel",
                                    panel.title()));
                        }
                    }
                }
            }
        }
        Routing routing = p.routing();
        if (routing != null) {
            for (Routing.Receiver r : routing.receivers()) {
                receivers.putIfAbsent(r.name(), new Named(r.name(),
                        (r.type() == null ? "" : r.type().keyword() + " ") + "receiver", null));
            }
            for (Routing.TimeInterval t : routing.timeIntervals()) {
                timeIntervals.putIfAbsent(t.name(), new Named(t.name(), "time interval", null));
            }
        }
    }

    private static Named constant(Constant c) {
        String value = c.value() == null ? "" : Values.text(c.value());
        return new Named(c.name(), "= " + value, c.service() == null ? "project constant" : "constant of " + c.service());
    }

    private void templates(VigilFile f) {
        for (Decl d : f.decls()) {
            if (d instanceof Decl.TemplateDecl t && t.name() != null) {
                List<String> params = new ArrayList<>();
                for (Decl.Param p : t.params()) {
                    params.add(p.name().text() + (p.type() == null ? "" : " " + p.type().text())
                            + (p.defaultValue() == null ? "" : " = …"));
                }
                templates.putIfAbsent(t.name().text(), new Template(t.name().text(), t.kind(), String.join(", ", params)));
            }
        }
    }

    /** The constants visible in {@code service} (null outside one): its own, then the project's. */
    List<Named> constants(String service) {
        Map<String, Named> out = new LinkedHashMap<>();
        if (service != null) {
            serviceConstants.getOrDefault(service, List.of()).forEach(c -> out.putIfAbsent(c.name(), c));
        }
        globalConstants.forEach(c -> out.putIfAbsent(c.name(), c));
        return List.copyOf(out.values());
    }

    /** Label inference over the model; made on first use, and used under this object's lock (it memoises). */
    private LabelInference inference() {
        if (inference == null) {
            inference = LabelInference.forProject(model);
        }
        return inference;
    }

    /**
     * The labels the series of {@code metric} carry, with whether each is there for certain: a declared
     * metric's labels (and {@code le} for a histogram's buckets) and the target labels, a recording rule's
     * as label inference sees them. Empty when the name is unknown.
     */
    synchronized Map<String, Boolean> labelsOf(String metric) {
        Map<String, Boolean> out = new TreeMap<>();
        Optional<Inferred> recorded = inference().recordingRule(metric);
        if (recorded.isPresent()) {
            for (LabelSet.Label l : recorded.get().labels().labels().values()) {
                out.put(l.name(), l.definite());
            }
            return out;
        }
        Metric m = metrics.get(metric);
        String base = Metric.baseName(metric);
        if (m == null && !base.equals(metric)) {
            m = metrics.get(base);
            if (m != null && metric.endsWith("_bucket") && m.type() == MetricType.HISTOGRAM) {
                out.put("le", true);
            }
        }
        if (m == null) {
            return out;
        }
        m.labels().forEach(l -> out.put(l, true));
        m.optionalLabels().forEach(l -> out.putIfAbsent(l, false));
        inference().targetLabels().forEach(l -> out.putIfAbsent(l, true));
        return out;
    }

    /** Every label name the project's metrics and recording rules are known to carry. */
    synchronized Map<String, Boolean> allLabels() {
        Map<String, Boolean> out = new TreeMap<>();
        inference().targetLabels().forEach(l -> out.put(l, true));
        for (Metric m : metrics.values()) {
            m.labels().forEach(l -> out.put(l, true));
            m.optionalLabels().forEach(l -> out.putIfAbsent(l, false));
        }
        for (String r : recordingRules) {
            inference().recordingRule(r).ifPresent(i -> i.labels().labels().values()
                    .forEach(l -> out.putIfAbsent(l.name(), l.definite())));
        }
        return out;
    }

    /** What to show beside a metric or recording rule. */
    Named series(String name) {
        Metric m = metrics.get(name);
        if (m != null) {
            String type = m.type() == null ? "metric" : m.type().name().toLowerCase(Locale.ROOT);
            return new Named(name, type + (m.labels().isEmpty() ? "" : " {" + String.join(", ", m.labels()) + "}"),
                    m.help());
        }
        return new Named(name, "recording rule", null);
    }
}
