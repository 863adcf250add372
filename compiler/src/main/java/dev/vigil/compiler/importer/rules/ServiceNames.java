package dev.vigil.compiler.importer.rules;

import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.VectorSelector;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service an imported rule group belongs to (docs/import.md, "How services are inferred"): the
 * one job its queries select with {@code job="..."}, else its group name without a {@code rules}
 * suffix, and for names written {@code Service / exporter} the part before the slash.
 */
final class ServiceNames {
    private ServiceNames() {
    }

    static String of(RuleGroup group) {
        Set<String> jobs = new TreeSet<>();
        for (Rule r : group.rules()) {
            Expr.walk(r.expr(), e -> {
                if (e instanceof VectorSelector v) {
                    for (LabelMatcher m : v.matchers()) {
                        if (m.name().equals("job") && m.op() == MatchOp.EQ && m.constRef() == null && !m.value().isEmpty()) {
                            jobs.add(m.value());
                        }
                    }
                }
            });
        }
        String name = jobs.size() == 1 ? jobs.iterator().next() : fromGroupName(group.name());
        return sanitize(name);
    }

    private static String fromGroupName(String group) {
        String name = group;
        int slash = name.indexOf(" / ");
        if (slash > 0) {
            name = name.substring(0, slash);
        }
        return name.replaceFirst("(?i)[._ -]?rules$", "");
    }

    /** Lower case; every run of other characters than letters and digits becomes one {@code _}. */
    static String sanitize(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            return "imported";
        }
        return Character.isDigit(s.charAt(0)) ? "s_" + s : s;
    }
}
