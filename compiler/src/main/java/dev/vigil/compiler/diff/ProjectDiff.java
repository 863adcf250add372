package dev.vigil.compiler.diff;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares two lowered projects, object by object, and says what changed by service and kind and
 * what the change does: the library behind {@code vigil diff} and {@code vigil:diff}. It compares
 * models, never text, so formatting, comments, file layout and the order of declarations across
 * files make no difference.
 */
public final class ProjectDiff {
    private ProjectDiff() {
    }

    /**
     * Compares two compiled versions; both must have compiled ({@link CompileResult#project()} present).
     * Their sources are where template bodies are read from.
     */
    public static DiffReport compare(CompileResult beforeResult, CompileResult afterResult, String beforeLabel,
            String afterLabel) {
        Project before = beforeResult.project().orElseThrow(() -> new IllegalArgumentException(beforeLabel
                + " did not compile"));
        Project after = afterResult.project().orElseThrow(() -> new IllegalArgumentException(afterLabel
                + " did not compile"));
        Side a = new Side(before);
        Side b = new Side(after);
        Changes out = new Changes();
        services(a, b, out);
        SloDiff.compare(a, b, out);
        AlertDiff.compare(a, b, out);
        RecordingDiff.compare(a, b, out);
        DashboardDiff.compare(a, b, out);
        RunbookDiff.compare(a, b, out);
        tests(a, b, out);
        RoutingEffects.compare(a, b, out);
        RoutingDiff.compare(before.routing(), after.routing(), out);
        settings(before, after, out);
        out.templates(TemplateDiff.compare(before, beforeResult.sources(), after, afterResult.sources()));
        return out.build(beforeLabel, afterLabel, a.services.keySet(), b.services.keySet());
    }

    /** A service added or removed is one line, with what it holds counted; removing its alerts is breaking. */
    private static void services(Side a, Side b, Changes out) {
        for (String name : RoutingDiff.union(a.services.keySet(), b.services.keySet())) {
            Service x = a.services.get(name);
            Service y = b.services.get(name);
            if (x == null) {
                out.add(name, Change.added(Change.Kind.SERVICE, name, contents(b, y)));
            } else if (y == null) {
                out.add(name, Change.removed(Change.Kind.SERVICE, name, contents(a, x)));
                List<String> alerts = a.alerts.values().stream().filter(at -> at.service().name().equals(name)
                        && !b.alerts.containsKey(at.alert().name())).map(at -> at.alert().name()).toList();
                if (!alerts.isEmpty()) {
                    out.impact(new Impact(Impact.Type.ALERT_REMOVED, true, name, "The service " + Texts.code(name)
                            + " is removed with its alerts " + Texts.codes(alerts) + "."));
                }
            } else {
                List<Change.Field> f = new ArrayList<>();
                if (!Objects.equals(x.team(), y.team())) {
                    f.add(Change.Field.of("team", x.team(), y.team()));
                }
                for (String l : RoutingDiff.union(x.labels().keySet(), y.labels().keySet())) {
                    if (!Objects.equals(x.labels().get(l), y.labels().get(l))) {
                        f.add(Change.Field.of("label " + l, x.labels().get(l), y.labels().get(l)));
                    }
                }
                for (String l : RoutingDiff.union(x.links().keySet(), y.links().keySet())) {
                    if (!Objects.equals(x.links().get(l), y.links().get(l))) {
                        f.add(Change.Field.of("link " + l, x.links().get(l), y.links().get(l)));
                    }
                }
                if (!f.isEmpty()) {
                    out.add(name, Change.changed(Change.Kind.SERVICE, name, f));
                }
            }
        }
    }

    private static String contents(Side side, Service s) {
        long alerts = side.alerts.values().stream().filter(a -> a.service() == s && !a.generated()).count();
        return alerts + " alerts, " + side.recordings.get(s.name()).size() + " recording rules, " + s.slos().size()
                + " SLOs, " + s.dashboards().size() + " dashboards";
    }

    /** Written tests by name: added, removed, or changed in their series or expectations. */
    private static void tests(Side a, Side b, Changes out) {
        for (String service : Side.common(a, b)) {
            Map<String, TestCase> ta = written(a.services.get(service).tests());
            Map<String, TestCase> tb = written(b.services.get(service).tests());
            for (String name : RoutingDiff.union(ta.keySet(), tb.keySet())) {
                TestCase x = ta.get(name);
                TestCase y = tb.get(name);
                if (x == null) {
                    out.add(service, Change.added(Change.Kind.TEST, name, "").from(y.span()));
                } else if (y == null) {
                    out.add(service, Change.removed(Change.Kind.TEST, name, "").from(x.span()));
                } else {
                    List<Change.Field> f = new ArrayList<>();
                    if (x.intervalMillis() != y.intervalMillis()) {
                        f.add(Change.Field.of("every", Texts.duration(x.intervalMillis()),
                                Texts.duration(y.intervalMillis())));
                    }
                    if (!Spanless.equal(x.series(), y.series())) {
                        f.add(Change.Field.summarized("series", null, null, "input series changed"));
                    }
                    if (!Spanless.equal(x.expectations(), y.expectations())) {
                        f.add(Change.Field.summarized("expectations", null, null, "expectations changed"));
                    }
                    if (!f.isEmpty()) {
                        out.add(service, Change.changed(Change.Kind.TEST, name, f).from(y.span()));
                    }
                }
            }
        }
    }

    private static Map<String, TestCase> written(List<TestCase> tests) {
        Map<String, TestCase> out = new TreeMap<>();
        tests.stream().filter(t -> t.origin() instanceof dev.vigil.compiler.model.Origin.Written)
                .forEach(t -> out.putIfAbsent(t.name(), t));
        return out;
    }

    private static void settings(Project a, Project b, Changes out) {
        List<Change.Field> f = new ArrayList<>();
        List<String> sa = a.severities() == null ? List.of() : a.severities().levels();
        List<String> sb = b.severities() == null ? List.of() : b.severities().levels();
        if (!sa.equals(sb)) {
            f.add(Change.Field.of("severities", String.join(" > ", sa), String.join(" > ", sb)));
        }
        Project.Settings x = a.settings();
        Project.Settings y = b.settings();
        if (x != null && y != null) {
            if (x.scrapeIntervalMillis() != y.scrapeIntervalMillis()) {
                f.add(Change.Field.of("scrape_interval", Texts.duration(x.scrapeIntervalMillis()),
                        Texts.duration(y.scrapeIntervalMillis())));
            }
            if (x.evaluationIntervalMillis() != y.evaluationIntervalMillis()) {
                f.add(Change.Field.of("evaluation_interval", Texts.duration(x.evaluationIntervalMillis()),
                        Texts.duration(y.evaluationIntervalMillis())));
            }
            if (!Objects.equals(x.prometheusUrl(), y.prometheusUrl())) {
                f.add(Change.Field.of("prometheus_url", x.prometheusUrl(), y.prometheusUrl()));
            }
            if (!Objects.equals(String.valueOf(x.targets()), String.valueOf(y.targets()))) {
                f.add(Change.Field.of("targets", x.targets(), y.targets()));
            }
        }
        if (!f.isEmpty()) {
            out.project(Change.changed(Change.Kind.SETTINGS, "settings", f));
        }
    }
}
