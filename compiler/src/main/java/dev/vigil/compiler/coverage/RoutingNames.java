package dev.vigil.compiler.coverage;

import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.promql.Strings;
import java.util.ArrayList;
import java.util.List;

/** Routes and inhibit rules have no names: reports show them as written, {@code route severity >= critical to pager}. */
final class RoutingNames {
    private RoutingNames() {
    }

    static String route(Routing.Route r) {
        String to = " to " + (r.receiver() == null ? "?" : r.receiver().name());
        if (r.isDefault()) {
            return "route default" + to;
        }
        return "route " + matchers(r.matchers()) + to;
    }

    static String inhibition(Routing.Inhibition in) {
        return "inhibit " + side(in.targetAlert(), in.target()) + " while " + side(in.sourceAlert(), in.source())
                + (in.equal().isEmpty() ? "" : " on [" + String.join(", ", in.equal()) + "]");
    }

    private static String side(Ref alert, List<Routing.Matcher> matchers) {
        List<String> parts = new ArrayList<>();
        if (alert != null) {
            parts.add(alert.name());
        }
        if (!matchers.isEmpty()) {
            parts.add(alert != null ? "{" + matchers(matchers) + "}" : matchers(matchers));
        }
        return String.join(" ", parts);
    }

    private static String matchers(List<Routing.Matcher> matchers) {
        List<String> out = new ArrayList<>();
        for (Routing.Matcher m : matchers) {
            boolean ordering = m.op().startsWith(">") || m.op().startsWith("<");
            out.add(m.label() + " " + m.op() + " " + (ordering ? m.value() : Strings.quote(m.value())));
        }
        return String.join(", ", out);
    }
}
