package dev.vigil.compiler.validate.alertmanager;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.routing.AlertRouting;
import dev.vigil.compiler.routing.Truth;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
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
        siblings(routing.routes(), AlertRouting.of(project), sink);
    }

    private void siblings(List<Routing.Route> routes, AlertRouting semantics, DiagnosticSink sink) {
        List<Routing.Route> earlier = new ArrayList<>();
        for (Routing.Route r : routes) {
            if (!r.isDefault()) {
                for (Routing.Route e : earlier) {
                    if (covers(e, r, semantics)) {
                        sink.error(id(), r.span(), "This route is never reached: the route at " + e.span()
                                        + " comes first, has no `continue`, and matches every alert this one matches.",
                                "Move this route above it, or add `continue` to that route.");
                        break;
                    }
                }
                if (!r.continueMatching()) {
                    earlier.add(r);
                }
            }
            siblings(r.children(), semantics, sink);
        }
    }

    /** Whether every alert that {@code later} matches is also matched by {@code first}. */
    static boolean covers(Routing.Route first, Routing.Route later, AlertRouting semantics) {
        for (Routing.Matcher m : first.matchers()) {
            List<Routing.Matcher> same = new ArrayList<>();
            for (Routing.Matcher x : later.matchers()) {
                if (x.label() != null && x.label().equals(m.label())) {
                    same.add(x);
                }
            }
            if (!implied(same, m, semantics)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the conjunction {@code given} (all on one label) implies {@code m}. */
    static boolean implied(List<Routing.Matcher> given, Routing.Matcher m, AlertRouting semantics) {
        if (m.op() == null || m.value() == null) {
            return false;
        }
        if ("=~".equals(m.op()) && EVERYTHING.contains(m.value())) {
            return true;
        }
        Set<String> finite = null;
        for (Routing.Matcher g : given) {
            Set<String> values = finiteValues(g, semantics.severities());
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
                boolean allowed = given.stream().noneMatch(g -> semantics.holds(g, v) == Truth.NO);
                if (allowed && semantics.holds(m, v) != Truth.YES) {
                    return false;
                }
            }
            return true;
        }
        for (Routing.Matcher g : given) {
            if (Objects.equals(g.op(), m.op()) && Objects.equals(g.value(), m.value())) {
                return true;
            }
            // `!= v` follows from any matcher that refuses v (`!~ re` where re matches it, `=~ re` where it does not).
            if ("!=".equals(m.op()) && semantics.holds(g, m.value()) == Truth.NO) {
                return true;
            }
        }
        return false;
    }

    /** The values a matcher allows when they are finitely many (equality, orderings, literal alternations), else null. */
    private static Set<String> finiteValues(Routing.Matcher g, SeverityOrder severities) {
        String op = g.op();
        if (op == null || g.value() == null) {
            return null;
        }
        switch (op) {
            case "=" -> {
                return Set.of(g.value());
            }
            case ">=", ">", "<=", "<" -> {
                return severities.selected(op, g.value()).<Set<String>>map(LinkedHashSet::new).orElse(null);
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
}
