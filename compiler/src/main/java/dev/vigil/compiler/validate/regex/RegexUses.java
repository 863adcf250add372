package dev.vigil.compiler.validate.regex;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.validate.support.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Every regex matcher of a project: in queries (with its selector) and in routes and inhibitions. */
final class RegexUses {
    /**
     * One regex. {@code value} is resolved from a string constant when the matcher names one;
     * {@code matcher} and {@code selector} are null for Alertmanager matchers; {@code literal} says
     * whether the value is written in the matcher itself (so a fix can rewrite it).
     */
    record Use(String label, boolean negated, String value, Span span, LabelMatcher matcher, VectorSelector selector,
            boolean literal, boolean alertmanager) {
    }

    private RegexUses() {
    }

    static List<Use> of(Project project) {
        List<Use> out = new ArrayList<>();
        for (Queries.Use q : Queries.of(project)) {
            Expr.walk(q.expr(), e -> {
                if (e instanceof VectorSelector v) {
                    for (LabelMatcher m : v.matchers()) {
                        if (m.op().isRegex()) {
                            String value = Models.matcherValue(m, q.constants());
                            if (value != null) {
                                out.add(new Use(m.name(), m.op() == dev.vigil.compiler.promql.MatchOp.NRE, value, m.span(), m, v,
                                        m.constRef() == null, false));
                            }
                        }
                    }
                }
            });
        }
        Routing routing = project.routing();
        if (routing != null) {
            Consumer<List<Routing.Matcher>> matchers = ms -> {
                for (Routing.Matcher m : ms) {
                    if (m.value() != null && ("=~".equals(m.op()) || "!~".equals(m.op()))) {
                        out.add(new Use(m.label(), m.op().equals("!~"), m.value(), m.span(), null, null, false, true));
                    }
                }
            };
            routes(routing.routes(), matchers);
            for (Routing.Inhibition in : routing.inhibitions()) {
                matchers.accept(in.target());
                matchers.accept(in.source());
            }
        }
        return out;
    }

    private static void routes(List<Routing.Route> routes, Consumer<List<Routing.Matcher>> matchers) {
        for (Routing.Route r : routes) {
            matchers.accept(r.matchers());
            routes(r.children(), matchers);
        }
    }
}
