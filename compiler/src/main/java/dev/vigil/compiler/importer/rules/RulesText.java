package dev.vigil.compiler.importer.rules;

import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Rule groups as Vigil source, in the layout of docs/language.md: one service, its groups in order. */
final class RulesText {
    /** Annotations with a line of their own in an alert block; any other goes into {@code annotations { }}. */
    private static final List<String> OWN_LINES = List.of("summary", "description", "runbook_url");

    private RulesText() {
    }

    static String service(String name, List<RuleGroup> groups, Predicate<Rule> writable) {
        StringBuilder out = new StringBuilder("service ").append(name).append(" {\n");
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            group(groups.get(i), out, writable);
        }
        return out.append("}\n").toString();
    }

    private static void group(RuleGroup g, StringBuilder out, Predicate<Rule> writable) {
        out.append("  group ").append(VigilText.groupName(g.name()));
        if (g.intervalMillis() > 0) {
            out.append(" every ").append(VigilText.duration(g.intervalMillis()));
        }
        if (g.limit() != null) {
            out.append(" limit ").append(g.limit());
        }
        out.append(" {\n");
        boolean first = true;
        for (Rule r : g.rules()) {
            if (!first) {
                out.append('\n');
            }
            first = false;
            if (!writable.test(r)) {
                // A trace where the rule stood, so the left-out rule is found where it belongs.
                out.append("    // ").append(r instanceof Rule.Alert ? "alert " : "record ").append(r.name())
                        .append(" is left out (Import.Dropped): see ").append(r.span().file()).append(':')
                        .append(r.span().line()).append('\n');
                continue;
            }
            if (r instanceof Rule.Alert a) {
                alert(a, out);
            } else {
                recording((Rule.Recording) r, out);
            }
        }
        out.append("  }\n");
    }

    private static void recording(Rule.Recording r, StringBuilder out) {
        String head = "record " + r.name() + (r.labels().isEmpty() ? "" : " labels " + labels(r.labels())) + " = ";
        out.append("    ").append(VigilText.query(head, r.expr(), 4)).append('\n');
    }

    private static void alert(Rule.Alert a, StringBuilder out) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"when", null});
        if (a.forMillis() > 0) {
            lines.add(new String[] {"for", VigilText.duration(a.forMillis())});
        }
        if (a.keepFiringForMillis() > 0) {
            lines.add(new String[] {"keep_firing_for", VigilText.duration(a.keepFiringForMillis())});
        }
        Map<String, String> labels = new java.util.TreeMap<>(a.labels());
        if (a.severity() != null) {
            if (VigilText.isName(a.severity().name())) {
                lines.add(new String[] {"severity", a.severity().name()});
            } else {
                // Not a name the language's severities can take: kept as the label, which `vigil check` reports.
                labels.put("severity", a.severity().name());
            }
        }
        if (!labels.isEmpty()) {
            lines.add(new String[] {"labels", labels(labels)});
        }
        Map<String, String> others = new java.util.TreeMap<>();
        a.annotations().forEach((k, v) -> {
            if (!OWN_LINES.contains(k)) {
                others.put(k, v);
            }
        });
        text(lines, "summary", a.annotations().get("summary"));
        text(lines, "description", a.annotations().get("description"));
        if (!others.isEmpty()) {
            lines.add(new String[] {"annotations", labels(others)});
        }
        text(lines, "runbook", a.annotations().get("runbook_url"));
        int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(4) + 1;
        out.append("    alert ").append(a.name()).append(" {\n");
        for (String[] line : lines) {
            String head = line[0] + " ".repeat(width - line[0].length());
            String body = line[1] == null ? VigilText.query(head, a.expr(), 6) : head + line[1];
            out.append("      ").append(body).append('\n');
        }
        out.append("    }\n");
    }

    private static void text(List<String[]> lines, String key, String value) {
        if (value != null) {
            lines.add(new String[] {key, VigilText.string(value)});
        }
    }

    static String labels(Map<String, String> labels) {
        return labels.entrySet().stream()
                .map(e -> VigilText.labelName(e.getKey()) + " = " + VigilText.string(e.getValue()))
                .collect(Collectors.joining(", ", "{ ", " }"));
    }
}
