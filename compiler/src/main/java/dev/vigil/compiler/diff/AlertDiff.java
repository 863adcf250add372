package dev.vigil.compiler.diff;

import dev.vigil.compiler.model.AlertThreshold;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.Expr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Alerts added, removed or changed, each changed alert on one line, field by field. A pure change of
 * the threshold is read from the comparison ({@link AlertThreshold}), so it is not repeated as an
 * expression change. Alerts generated from an SLO are left to the SLO's line.
 */
final class AlertDiff {
    private AlertDiff() {
    }

    static void compare(Side before, Side after, Changes out) {
        Map<String, TreeSet<String>> removedFromSlo = new TreeMap<>();
        Set<String> names = new TreeSet<>(before.alerts.keySet());
        names.addAll(after.alerts.keySet());
        for (String name : names) {
            Side.AlertAt x = before.alerts.get(name);
            Side.AlertAt y = after.alerts.get(name);
            if (x == null) {
                if (!y.generated() && before.services.containsKey(y.service().name())) {
                    out.add(y.service().name(), Change.added(Change.Kind.ALERT, name, describe(after, y))
                            .from(y.alert().span()));
                }
            } else if (y == null) {
                removed(before, after, x, out, removedFromSlo);
            } else if (!y.generated()) {
                List<Change.Field> fields = fields(before, x, after, y);
                if (!fields.isEmpty()) {
                    out.add(y.service().name(), Change.changed(Change.Kind.ALERT, name, fields).from(y.alert().span()));
                }
            }
        }
        removedFromSlo.forEach((key, alerts) -> {
            String[] parts = key.split("\u0000", 2);
            out.impact(new Impact(Impact.Type.ALERT_REMOVED, true, parts[0], "The burn-rate alert"
                    + (alerts.size() > 1 ? "s " : " ") + Texts.codes(alerts) + " of SLO " + Texts.code(parts[1])
                    + (alerts.size() > 1 ? " are" : " is") + " removed."));
        });
    }

    private static void removed(Side before, Side after, Side.AlertAt x, Changes out,
            Map<String, TreeSet<String>> removedFromSlo) {
        String service = x.service().name();
        if (!after.services.containsKey(service)) {
            return; // The service's removal is reported once, with its alerts counted.
        }
        if (x.alert().origin() instanceof Origin.FromSlo slo) {
            removedFromSlo.computeIfAbsent(service + "\u0000" + slo.slo(), k -> new TreeSet<>()).add(x.alert().name());
            return;
        }
        out.add(service, Change.removed(Change.Kind.ALERT, x.alert().name(), describe(before, x)).from(x.alert().span()));
        Set<String> reached = before.receivers(x.alert());
        out.impact(new Impact(Impact.Type.ALERT_REMOVED, true, service, "The alert " + Texts.code(x.alert().name())
                + " is removed" + (reached.isEmpty() ? "." : "; it reached " + Texts.codes(reached) + ".")));
    }

    /** An alert in short: {@code warning, for 10m, reaches `slack`}. */
    static String describe(Side side, Side.AlertAt at) {
        Rule.Alert a = at.alert();
        List<String> parts = new ArrayList<>();
        if (a.severity() != null) {
            parts.add(a.severity().name());
        }
        if (a.forMillis() > 0) {
            parts.add("for " + Texts.duration(a.forMillis()));
        }
        parts.add(Texts.code(PromqlDiff.print(PromqlDiff.normalize(a.expr(), side.scope(at.service().name()), Set.of()))));
        if (!side.project.routing().routes().isEmpty()) {
            parts.add("reaches " + Texts.codes(side.receivers(a)));
        }
        return String.join(", ", parts);
    }

    static List<Change.Field> fields(Side before, Side.AlertAt x, Side after, Side.AlertAt y) {
        Rule.Alert a = x.alert();
        Rule.Alert b = y.alert();
        Map<String, Constant> sa = before.scope(x.service().name());
        Map<String, Constant> sb = after.scope(y.service().name());
        List<Change.Field> fields = new ArrayList<>();
        Expr ea = PromqlDiff.normalize(a.expr(), sa, Set.of());
        Expr eb = PromqlDiff.normalize(b.expr(), sb, Set.of());
        Optional<AlertThreshold> ta = a.expr() == null ? Optional.empty() : AlertThreshold.of(a.expr(), sa);
        Optional<AlertThreshold> tb = b.expr() == null ? Optional.empty() : AlertThreshold.of(b.expr(), sb);
        if (ta.isPresent() && tb.isPresent()) {
            AlertThreshold t = ta.get();
            AlertThreshold u = tb.get();
            if (t.op() != u.op()) {
                fields.add(Change.Field.of("threshold", t.op().symbol() + " " + Texts.number(t.value()),
                        u.op().symbol() + " " + Texts.number(u.value())));
            } else if (t.value().compareTo(u.value()) != 0) {
                fields.add(Change.Field.of("threshold", Texts.number(t.value()), Texts.number(u.value())));
            }
            eb = withThresholdOf(ea, eb);
        }
        PromqlDiff.diff(ea, eb).forEach(p -> fields.add(Change.Field.of("expr", p.before(), p.after())));
        String severityA = a.severity() == null ? null : a.severity().name();
        String severityB = b.severity() == null ? null : b.severity().name();
        if (!Objects.equals(severityA, severityB)) {
            fields.add(Change.Field.of("severity", severityA, severityB));
        }
        if (a.forMillis() != b.forMillis()) {
            fields.add(Change.Field.of("for", Texts.duration(a.forMillis()), Texts.duration(b.forMillis())));
        }
        if (a.keepFiringForMillis() != b.keepFiringForMillis()) {
            fields.add(Change.Field.of("keep_firing_for", Texts.duration(a.keepFiringForMillis()),
                    Texts.duration(b.keepFiringForMillis())));
        }
        PromqlDiff.diff(PromqlDiff.normalize(a.guard(), sa, Set.of()), PromqlDiff.normalize(b.guard(), sb, Set.of()))
                .forEach(p -> fields.add(Change.Field.of("guard", p.before(), p.after())));
        Set<String> labels = new TreeSet<>(a.labels().keySet());
        labels.addAll(b.labels().keySet());
        labels.remove("severity"); // shown as the severity
        for (String l : labels) {
            if (!Objects.equals(a.labels().get(l), b.labels().get(l))) {
                fields.add(Change.Field.of("label " + l, a.labels().get(l), b.labels().get(l)));
            }
        }
        Set<String> annotations = new LinkedHashSet<>(a.annotations().keySet());
        annotations.addAll(b.annotations().keySet());
        for (String k : annotations) {
            if (!Objects.equals(a.annotations().get(k), b.annotations().get(k))) {
                fields.add(Texts.text(k, a.annotations().get(k), b.annotations().get(k)));
            }
        }
        String panelA = a.panel() == null ? null : a.panel().toString();
        String panelB = b.panel() == null ? null : b.panel().toString();
        if (!Objects.equals(panelA, panelB)) {
            fields.add(Change.Field.of("panel", panelA, panelB));
        }
        if (!x.group().name().equals(y.group().name())) {
            fields.add(Change.Field.of("group", x.group().name(), y.group().name()));
        }
        return fields;
    }

    /**
     * {@code after} with the threshold of {@code before} in its comparison, in before's orientation,
     * so that what remains of a diff is the change of everything but the threshold.
     */
    private static Expr withThresholdOf(Expr before, Expr after) {
        Binary old = PromqlDiff.comparison(before);
        Binary now = PromqlDiff.comparison(after);
        if (old == null || now == null) {
            return after;
        }
        boolean oldRight = PromqlDiff.scalarOnly(old.rhs()) && !PromqlDiff.scalarOnly(old.lhs());
        boolean oldLeft = PromqlDiff.scalarOnly(old.lhs()) && !PromqlDiff.scalarOnly(old.rhs());
        boolean nowRight = PromqlDiff.scalarOnly(now.rhs()) && !PromqlDiff.scalarOnly(now.lhs());
        boolean nowLeft = PromqlDiff.scalarOnly(now.lhs()) && !PromqlDiff.scalarOnly(now.rhs());
        if (!(oldRight || oldLeft) || !(nowRight || nowLeft)) {
            return after;
        }
        Expr series = nowRight ? now.lhs() : now.rhs();
        return PromqlDiff.withComparison(after, b -> oldRight
                ? new Binary(old.op(), series, old.rhs(), false, now.matching(), now.span())
                : new Binary(old.op(), old.lhs(), series, false, now.matching(), now.span()));
    }
}
