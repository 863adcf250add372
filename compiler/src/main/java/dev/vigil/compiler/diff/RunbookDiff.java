package dev.vigil.compiler.diff;

import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runbook content of written alerts, summarised per section: {@code triage: 1 added, 1 removed},
 * {@code meaning changed}. Each item is compared whole; a diagnosis by its title and query (as PromQL).
 */
final class RunbookDiff {
    private RunbookDiff() {
    }

    static void compare(Side before, Side after, Changes out) {
        for (Map.Entry<String, Side.AlertAt> e : after.alerts.entrySet()) {
            Side.AlertAt x = before.alerts.get(e.getKey());
            Side.AlertAt y = e.getValue();
            if (x == null || y.generated()) {
                continue;
            }
            Rule.Runbook a = x.alert().runbook() == null ? Rule.Runbook.EMPTY : x.alert().runbook();
            Rule.Runbook b = y.alert().runbook() == null ? Rule.Runbook.EMPTY : y.alert().runbook();
            Map<String, Constant> sa = before.scope(x.service().name());
            Map<String, Constant> sb = after.scope(y.service().name());
            List<Change.Field> f = new ArrayList<>();
            if (!Objects.equals(a.meaning(), b.meaning())) {
                f.add(Texts.text("meaning", a.meaning(), b.meaning()));
            }
            section(f, "triage", a.triage(), b.triage());
            section(f, "diagnose", a.diagnoses().stream().map(d -> diagnosis(d, sa)).toList(),
                    b.diagnoses().stream().map(d -> diagnosis(d, sb)).toList());
            section(f, "remediate", a.remediations().stream().map(RunbookDiff::remediation).toList(),
                    b.remediations().stream().map(RunbookDiff::remediation).toList());
            section(f, "escalate", a.escalation(), b.escalation());
            section(f, "related", a.related().stream().map(Ref::toString).toList(),
                    b.related().stream().map(Ref::toString).toList());
            if (!Objects.equals(a.url(), b.url())) {
                f.add(Change.Field.of("url", a.url(), b.url()));
            }
            if (!f.isEmpty()) {
                out.add(y.service().name(), Change.changed(Change.Kind.RUNBOOK, e.getKey(), f).from(y.alert().span()));
            }
        }
    }

    private static String diagnosis(Rule.Diagnosis d, Map<String, Constant> scope) {
        return "\"" + d.title() + "\" = " + PromqlDiff.print(PromqlDiff.normalize(d.query(), scope, Set.of()));
    }

    private static String remediation(Rule.Remediation r) {
        return r.command() == null ? r.text() : r.text() + " run " + r.command();
    }

    /** A section's items added and removed, counted as multisets; a reordering is said as such. */
    private static void section(List<Change.Field> out, String name, List<String> before, List<String> after) {
        if (before.equals(after)) {
            return;
        }
        Map<String, Integer> count = new TreeMap<>();
        before.forEach(s -> count.merge(s, -1, Integer::sum));
        after.forEach(s -> count.merge(s, 1, Integer::sum));
        int added = count.values().stream().filter(c -> c > 0).mapToInt(Integer::intValue).sum();
        int removed = -count.values().stream().filter(c -> c < 0).mapToInt(Integer::intValue).sum();
        List<String> said = new ArrayList<>();
        if (added > 0) {
            said.add(added + " added");
        }
        if (removed > 0) {
            said.add(removed + " removed");
        }
        String summary = name + ": " + (said.isEmpty() ? "reordered" : String.join(", ", said));
        out.add(Change.Field.summarized(name, String.join("\n", before), String.join("\n", after), summary));
    }
}
