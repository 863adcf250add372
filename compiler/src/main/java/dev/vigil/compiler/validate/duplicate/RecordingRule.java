package dev.vigil.compiler.validate.duplicate;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recording rule name defined twice, with different expressions, so that both can write the same
 * series. Rules of one name whose results cannot overlap are the usual way to split a recording
 * and are not reported: a static label, kept matchers with disjoint values ({@code code=~"2.."} and
 * {@code code=~"3.."} under {@code by (code)}), or a label one result always has and the other
 * never. Exact copies are {@code Duplicate.IdenticalRule}. An error when both results have the same
 * known labels; a warning when they collide only if labels nobody declared happen to agree.
 */
public final class RecordingRule implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Map<String, List<Rule.Recording>> byName = new LinkedHashMap<>();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Recording rec && rec.name() != null) {
                        byName.computeIfAbsent(rec.name(), k -> new ArrayList<>()).add(rec);
                    }
                }
            }
        }
        for (List<Rule.Recording> rules : byName.values()) {
            // Only rules that agree on every label they all pin to one value can collide, so those are the
            // ones compared: each service's copy of a rule (`{job="a"}`, `{job="b"}`) meets no other.
            List<Map<String, String>> pins = rules.stream().map(r -> RuleIdentity.pinned(r, analysis.labels())).toList();
            java.util.Set<String> common = new java.util.TreeSet<>(pins.get(0).keySet());
            pins.forEach(p -> common.retainAll(p.keySet()));
            Map<List<String>, List<Rule.Recording>> buckets = new HashMap<>();
            for (int i = 0; i < rules.size(); i++) {
                Rule.Recording rec = rules.get(i);
                Map<String, String> pin = pins.get(i);
                List<Rule.Recording> earlier = buckets.computeIfAbsent(common.stream().map(pin::get).toList(),
                        k -> new ArrayList<>());
                for (Rule.Recording e : earlier) {
                    RuleIdentity.Overlap overlap = RuleIdentity.identical(e, rec) ? RuleIdentity.Overlap.NONE
                            : RuleIdentity.overlap(e, rec, analysis.labels());
                    if (overlap != RuleIdentity.Overlap.NONE) {
                        sink.report(new Diagnostic(id(), overlap == RuleIdentity.Overlap.LIKELY ? Severity.ERROR : Severity.WARNING,
                                rec.span(), "Recording rule `" + rec.name()
                                        + "` is also defined at " + e.span() + " with a different expression.",
                                "Both can write the same series, and their values overwrite each other; rename one,"
                                        + " or add a label that tells them apart.",
                                null));
                        break;
                    }
                }
                earlier.add(rec);
            }
        }
    }
}
