package dev.vigil.compiler.validate.alertmanager;

import dev.vigil.compiler.analysis.AlertSources;
import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.routing.AlertLabels;
import dev.vigil.compiler.routing.AlertRouting;
import dev.vigil.compiler.routing.Truth;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An inhibition whose {@code equal} labels the alerts it matches cannot carry. Alertmanager treats a
 * missing label as the empty string, so:
 * <ul>
 * <li>when neither the target nor the source alerts can have the label, it is always "equal" and the
 *     inhibition silences every target alert while any source alert fires, whoever owns it;
 * <li>when one side never has it and the other always does, the inhibition never applies; and
 *     when both sides name one alert each and their values of the label differ, likewise. (A side
 *     written with matchers is a policy for alerts to come, such as warnings of the same
 *     {@code alertname} as a critical one, so differing values today are not reported.)
 * </ul>
 * Only alerts of the project count, with their inferred labels; a side whose labels are not fully
 * known is not judged.
 */
public final class InhibitEqualLabels implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Routing routing = project.routing();
        if (routing == null || routing.inhibitions().isEmpty()) {
            return;
        }
        AlertRouting semantics = AlertRouting.of(project);
        LabelInference li = analysis.labels();
        List<LabelSet> all = new ArrayList<>();
        // By name: a named side reads only its alert's copies, not every alert of the project.
        Map<String, List<LabelSet>> byName = new HashMap<>();
        for (AlertSources.Owned o : AlertSources.of(project).alerts()) {
            LabelSet labels = li.alertLabels(o.alert());
            all.add(labels);
            byName.computeIfAbsent(o.alert().name(), k -> new ArrayList<>()).add(labels);
        }
        for (Routing.Inhibition in : routing.inhibitions()) {
            List<LabelSet> targets = side(in.target(), in.targetAlert(), all, byName, semantics);
            List<LabelSet> sources = side(in.source(), in.sourceAlert(), all, byName, semantics);
            if (targets.isEmpty() || sources.isEmpty()) {
                continue;
            }
            boolean named = in.targetAlert() != null && in.sourceAlert() != null;
            for (String e : in.equal()) {
                check(in, e, targets, sources, named, sink);
            }
        }
    }

    private void check(Routing.Inhibition in, String e, List<LabelSet> targets, List<LabelSet> sources,
            boolean named, DiagnosticSink sink) {
        boolean tNo = targets.stream().allMatch(l -> l.cannotHave(e));
        boolean sNo = sources.stream().allMatch(l -> l.cannotHave(e));
        boolean tAll = targets.stream().allMatch(l -> l.definitely(e));
        boolean sAll = sources.stream().allMatch(l -> l.definitely(e));
        if (tNo && sNo) {
            sink.warning(id(), in.span(), "No alert this inhibition matches carries `" + e + "`, so `on [" + e
                    + "]` compares empty with empty and every target is silenced while any source fires.",
                    "Name a label both sides carry, such as `service` or `alertname`, or remove `" + e
                            + "` (unless Prometheus adds it to every alert as an external label).");
        } else if ((tNo && sAll) || (sNo && tAll)) {
            sink.warning(id(), in.span(), "The " + (tNo ? "target" : "source") + " alerts never carry `" + e
                    + "` and the " + (tNo ? "source" : "target") + " alerts always do, so this inhibition never applies.",
                    "Compare on a label both sides carry, or add `" + e + "` to the alerts that lack it.");
        } else if (tAll && sAll && named) {
            Set<String> tv = values(targets, e);
            Set<String> sv = values(sources, e);
            if (tv != null && sv != null && tv.stream().noneMatch(sv::contains)) {
                // Error: both are the alerts' own labels, which Prometheus's external labels never override.
                sink.error(id(), in.span(), "The target alerts have `" + e + "` " + show(tv) + " and the source alerts "
                        + show(sv) + ", so this inhibition never applies.",
                        "Inhibit alerts of the same `" + e + "`, or compare on another label.");
            }
        }
    }

    /** The known values of {@code e} on every alert, or null when some value is not known. */
    private static Set<String> values(List<LabelSet> alerts, String e) {
        Set<String> out = new HashSet<>();
        for (LabelSet l : alerts) {
            LabelSet.Label label = l.get(e);
            if (label == null || label.value() == null) {
                return null;
            }
            out.add(label.value());
        }
        return out;
    }

    private static String show(Set<String> values) {
        return values.stream().sorted().map(v -> "`" + v + "`").reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** The alerts one side of an inhibition may match. */
    private static List<LabelSet> side(List<Routing.Matcher> matchers, Ref alert, List<LabelSet> all,
            Map<String, List<LabelSet>> byName, AlertRouting semantics) {
        List<LabelSet> out = new ArrayList<>();
        if (alert == null && matchers.isEmpty()) {
            return out;
        }
        for (LabelSet labels : alert == null ? all : byName.getOrDefault(alert.name(), List.of())) {
            if (semantics.matchesAll(matchers, AlertLabels.of(labels)) != Truth.NO) {
                out.add(labels);
            }
        }
        return out;
    }
}
