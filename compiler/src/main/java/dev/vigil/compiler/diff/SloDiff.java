package dev.vigil.compiler.diff;

import dev.vigil.compiler.model.AlertWindows;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Slo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * SLOs added, removed, or changed in objective, window, SLI or alerting, with what the change does
 * to the error budget. The rules, alerts, dashboard and tests an SLO generates follow from these
 * fields, so they are not listed again.
 */
final class SloDiff {
    private SloDiff() {
    }

    static void compare(Side before, Side after, Changes out) {
        for (String service : Side.common(before, after)) {
            Map<String, Slo> sa = byName(before.services.get(service).slos());
            Map<String, Slo> sb = byName(after.services.get(service).slos());
            for (String name : RoutingDiff.union(sa.keySet(), sb.keySet())) {
                Slo x = sa.get(name);
                Slo y = sb.get(name);
                if (x == null) {
                    out.add(service, Change.added(Change.Kind.SLO, name, describe(y)).from(y.span()));
                } else if (y == null) {
                    out.add(service, Change.removed(Change.Kind.SLO, name, describe(x)).from(x.span()));
                } else {
                    List<Change.Field> f = fields(x, before.scope(service), y, after.scope(service));
                    if (!f.isEmpty()) {
                        out.add(service, Change.changed(Change.Kind.SLO, name, f).from(y.span()));
                    }
                }
            }
        }
    }

    private static String describe(Slo s) {
        return percent(s.objectivePercent()) + " over " + Texts.window(s.windowMillis()) + ", error budget "
                + budget(s);
    }

    static List<Change.Field> fields(Slo x, Map<String, Constant> sa, Slo y, Map<String, Constant> sb) {
        List<Change.Field> f = new ArrayList<>();
        boolean objective = x.objectivePercent().compareTo(y.objectivePercent()) != 0;
        boolean window = x.windowMillis() != y.windowMillis();
        if (objective) {
            f.add(Change.Field.of("objective", percent(x.objectivePercent()), percent(y.objectivePercent())));
        }
        if (window) {
            f.add(Change.Field.of("window", Texts.window(x.windowMillis()), Texts.window(y.windowMillis())));
        }
        if (objective || window) {
            String was = budget(x) + (window ? " per " + Texts.window(x.windowMillis()) : "");
            String now = budget(y) + (window ? " per " + Texts.window(y.windowMillis()) : "");
            String name = window ? "error budget" : "error budget per " + Texts.window(y.windowMillis());
            f.add(Change.Field.summarized(name, was, now, name + ": " + was + " → " + now));
        }
        Slo.Sli a = x.sli();
        Slo.Sli b = y.sli();
        if (a != null && b != null) {
            if (a.kind() != b.kind()) {
                f.add(Change.Field.of("sli", a.kind().name().toLowerCase(java.util.Locale.ROOT),
                        b.kind().name().toLowerCase(java.util.Locale.ROOT)));
            }
            for (String key : RoutingDiff.union(a.queries().keySet(), b.queries().keySet())) {
                PromqlDiff.diff(PromqlDiff.normalize(a.queries().get(key), sa, Set.of()),
                        PromqlDiff.normalize(b.queries().get(key), sb, Set.of()))
                        .forEach(p -> f.add(Change.Field.of("sli " + key, p.before(), p.after())));
            }
            if (!sameNumber(a.threshold(), b.threshold())) {
                f.add(Change.Field.of("sli threshold", Texts.number(a.threshold()), Texts.number(b.threshold())));
            }
        }
        if (!x.groupBy().equals(y.groupBy())) {
            f.add(Change.Field.of("by", x.groupBy(), y.groupBy()));
        }
        alerting(x.alerting(), y.alerting(), f);
        if (!Objects.equals(x.description(), y.description())) {
            f.add(Texts.text("description", x.description(), y.description()));
        }
        return f;
    }

    private static void alerting(Slo.Alerting a, Slo.Alerting b, List<Change.Field> f) {
        if (a == null || b == null) {
            return;
        }
        for (AlertWindows.Tier tier : AlertWindows.Tier.values()) {
            String was = tier(a.tier(tier));
            String now = tier(b.tier(tier));
            if (!was.equals(now)) {
                f.add(Change.Field.of(tier.id(), was, now));
            }
        }
        String windowsA = a.windows() == null ? null : a.windows().name();
        String windowsB = b.windows() == null ? null : b.windows().name();
        if (!Objects.equals(windowsA, windowsB)) {
            f.add(Change.Field.of("alert windows", windowsA, windowsB));
        } else if (a.windows() != null && b.windows() != null
                && !Spanless.equal(a.windows().rows(), b.windows().rows())) {
            f.add(Change.Field.summarized("alert windows", windowsA, windowsB, "alert windows " + windowsB
                    + " changed"));
        }
        if (!sameNumber(a.minRate(), b.minRate())) {
            f.add(Change.Field.of("min_rate", Texts.number(a.minRate()), Texts.number(b.minRate())));
        }
        if (!sameNumber(a.minEvents(), b.minEvents())) {
            f.add(Change.Field.of("min_events", Texts.number(a.minEvents()), Texts.number(b.minEvents())));
        }
    }

    private static String tier(Slo.TierPolicy p) {
        if (p == null) {
            return "off";
        }
        return p.severity() + (p.forMillis() > 0 ? " for " + Texts.duration(p.forMillis()) : "");
    }

    /**
     * The error budget as time: the share of the window the objective allows to fail, to the second
     * ({@code 99.9%} of {@code 30d} is {@code 43m12s}).
     */
    static String budget(Slo s) {
        BigDecimal seconds = s.errorBudget().multiply(BigDecimal.valueOf(s.windowMillis()))
                .divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP);
        long millis = seconds.longValueExact() * 1000;
        return millis == 0 ? "0s" : Texts.duration(millis);
    }

    private static String percent(BigDecimal p) {
        return QueryText.number(p) + "%";
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static Map<String, Slo> byName(List<Slo> slos) {
        Map<String, Slo> out = new TreeMap<>();
        slos.forEach(s -> out.putIfAbsent(s.name(), s));
        return out;
    }
}
