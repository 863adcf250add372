package dev.vigil.compiler.validate.alertmanager;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.regex.Re2;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A route that can never match: an earlier sibling without {@code continue} matches every alert it
 * matches, and Alertmanager stops at the first matching sibling. The subsumption test is sound: a
 * route is reported only when every matcher of the earlier route provably holds for every alert the
 * later route accepts (=, !=, =~, !~, and the severity orderings over the declared order); when
 * that cannot be proved, nothing is reported.
 */
public final class ShadowedRoute implements Validator {
    /** Regexes that match every value. Not `.*`: in Alertmanager `.` does not match a newline. */
    private static final Set<String> EVERYTHING = Set.of("(?s).*", "(?s:.*)");
    private static final Pattern LITERAL_ALTERNATIVE = Pattern.compile("[A-Za-z0-9_ :/@-]*");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Routing routing = project.routing();
        if (routing == null) {
            return;
        }
        List<String> levels = project.severities() == null ? List.of() : project.severities().levels();
        siblings(routing.routes(), levels, sink);
    }

    private void siblings(List<Routing.Route> routes, List<String> levels, DiagnosticSink sink) {
        List<Routing.Route> earlier = new ArrayList<>();
        for (Routing.Route r : routes) {
            if (!r.isDefault()) {
                for (Routing.Route e : earlier) {
                    if (covers(e, r, levels)) {
                        sink.warning(id(), r.span(), "This route is never reached: the route at " + e.span()
                                        + " comes first, has no `continue`, and matches every alert this one matches.",
                                "Move this route above it, or add `continue` to that route.");
                        break;
                    }
                }
                if (!r.continueMatching()) {
                    earlier.add(r);
                }
            }
            siblings(r.children(), levels, sink);
        }
    }

    /** Whether every alert that {@code later} matches is also matched by {@code first}. */
    static boolean covers(Routing.Route first, Routing.Route later, List<String> levels) {
        for (Routing.Matcher m : first.matchers()) {
            List<Routing.Matcher> same = new ArrayList<>();
            for (Routing.Matcher x : later.matchers()) {
                if (x.label() != null && x.label().equals(m.label())) {
                    same.add(x);
                }
            }
            if (!implied(same, m, levels)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the conjunction {@code given} (all on one label) implies {@code m}. */
    static boolean implied(List<Routing.Matcher> given, Routing.Matcher m, List<String> levels) {
        if (m.op() == null || m.value() == null) {
            return false;
        }
        if ("=~".equals(m.op()) && EVERYTHING.contains(m.value())) {
            return true;
        }
        Set<String> finite = null;
        for (Routing.Matcher g : given) {
            Set<String> values = finiteValues(g, levels);
            if (values != null) {
                if (finite == null) {
                    finite = new LinkedHashSet<>(values);
                } else {
                    finite.retainAll(values);
                }
            }
        }
        if (finite != null) {
            // Every value `given` allows (over-approximated by keeping unknowns) must satisfy m.
            for (String v : finite) {
                boolean allowed = true;
                for (Routing.Matcher g : given) {
                    if (Boolean.FALSE.equals(holds(g, v, levels))) {
                        allowed = false;
                    }
                }
                if (allowed && !Boolean.TRUE.equals(holds(m, v, levels))) {
                    return false;
                }
            }
            return true;
        }
        for (Routing.Matcher g : given) {
            if (java.util.Objects.equals(g.op(), m.op()) && java.util.Objects.equals(g.value(), m.value())) {
                return true;
            }
            if ("!=".equals(m.op()) && g.value() != null) {
                // `!~ re` where re matches the excluded value, or `=~ re` where it does not.
                if ("!~".equals(g.op()) && Boolean.TRUE.equals(regex(g.value(), m.value()))) {
                    return true;
                }
                if ("=~".equals(g.op()) && Boolean.FALSE.equals(regex(g.value(), m.value()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The values a matcher allows when they are finitely many (equality, orderings, literal alternations), else null. */
    private static Set<String> finiteValues(Routing.Matcher g, List<String> levels) {
        String op = g.op();
        if (op == null || g.value() == null) {
            return null;
        }
        switch (op) {
            case "=" -> {
                return Set.of(g.value());
            }
            case ">=", ">", "<=", "<" -> {
                Set<String> out = new LinkedHashSet<>();
                for (String level : levels) {
                    if (Boolean.TRUE.equals(holds(g, level, levels))) {
                        out.add(level);
                    }
                }
                return out;
            }
            case "=~" -> {
                Set<String> out = new LinkedHashSet<>();
                for (String alt : g.value().split("\\|", -1)) {
                    if (!LITERAL_ALTERNATIVE.matcher(alt).matches()) {
                        return null;
                    }
                    out.add(alt);
                }
                return out;
            }
            default -> {
                return null;
            }
        }
    }

    /** Whether matcher {@code g} accepts {@code value} ("" is an absent label); null when it cannot be told. */
    static Boolean holds(Routing.Matcher g, String value, List<String> levels) {
        String op = g.op() == null || g.value() == null ? "" : g.op();
        switch (op) {
            case "=" -> {
                return g.value().equals(value);
            }
            case "!=" -> {
                return !g.value().equals(value);
            }
            case "=~" -> {
                return regex(g.value(), value);
            }
            case "!~" -> {
                Boolean r = regex(g.value(), value);
                return r == null ? null : !r;
            }
            case ">=", ">", "<=", "<" -> {
                int a = levels.indexOf(value);
                int b = levels.indexOf(g.value());
                if (a < 0 || b < 0) {
                    return b < 0 ? null : Boolean.FALSE;
                }
                // Levels are most urgent first: `>= warning` accepts warning and everything more urgent.
                return switch (op) {
                    case ">=" -> a <= b;
                    case ">" -> a < b;
                    case "<=" -> a >= b;
                    default -> a > b;
                };
            }
            default -> {
                return null;
            }
        }
    }

    /** Whether the anchored RE2 regex matches {@code value}; null when it is not valid RE2. */
    private static Boolean regex(String re, String value) {
        return Re2.ALERTMANAGER.matches(re, value).orElse(null);
    }
}
