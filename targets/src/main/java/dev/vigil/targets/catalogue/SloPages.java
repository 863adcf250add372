package dev.vigil.targets.catalogue;

import dev.vigil.compiler.model.AlertWindows;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page per SLO: objective, window, the error budget as a share and as time, the SLI, and a row per
 * window pair of each alert tier, read from the burn-rate alerts lowering generated ({@link Origin.Burn}),
 * so the page shows the factors and windows the rules use.
 */
final class SloPages {
    private SloPages() {
    }

    static List<Page> slos(Site site, RouteTree tree) {
        List<Page> pages = new ArrayList<>();
        for (Service s : site.project().services()) {
            Map<String, Constant> constants = QueryText.scope(site.project(), s);
            for (Slo slo : s.slos()) {
                pages.add(page(site, tree, s, slo, constants));
            }
        }
        return pages;
    }

    private static Page page(Site site, RouteTree tree, Service s, Slo slo, Map<String, Constant> constants) {
        List<Block> b = new ArrayList<>();
        List<Block.Field> f = new ArrayList<>();
        f.add(new Block.Field("Service", List.of(Inline.codeLink(Links.servicePage(s.name()), s.name()))));
        f.add(new Block.Field("Objective", Inline.text(slo.objectivePercent() == null ? "not set"
                : QueryText.number(slo.objectivePercent()) + "%")));
        f.add(new Block.Field("Window", Inline.code(AlertWindows.format(slo.windowMillis()))));
        if (slo.objectiveInRange()) {
            f.add(new Block.Field("Error budget", Inline.text(budgetPercent(slo) + "% of the events, "
                    + duration(budgetMillis(slo)) + " of the " + AlertWindows.format(slo.windowMillis()) + " window")));
        }
        if (!slo.groupBy().isEmpty()) {
            f.add(new Block.Field("Per", Inline.code(String.join(", ", slo.groupBy()))));
        }
        b.add(new Block.Fields(f));
        if (slo.description() != null) {
            b.add(new Block.Prose(slo.description()));
        }
        b.addAll(sli(slo, constants));
        b.addAll(tiers(site, tree, s, slo));
        OtherPages.declaredAt(site, slo.span()).ifPresent(b::add);
        return new Page(Links.sloPage(s.name(), slo.name()), "SLO " + slo.name(), Page.Kind.SLO, b);
    }

    private static List<Block> sli(Slo slo, Map<String, Constant> constants) {
        List<Block> b = new ArrayList<>();
        b.add(AlertPages.heading("sli", "SLI"));
        if (slo.sli() == null) {
            b.add(new Block.Paragraph(Inline.text("The SLO declares no SLI.")));
            return b;
        }
        List<Block.Field> f = new ArrayList<>();
        f.add(new Block.Field("Kind", Inline.text(slo.sli().kind() == null ? "unknown"
                : slo.sli().kind().name().toLowerCase(java.util.Locale.ROOT))));
        if (slo.sli().threshold() != null) {
            f.add(new Block.Field("Threshold", Inline.code(QueryText.number(slo.sli().threshold()))));
        }
        b.add(new Block.Fields(f));
        List<Block.Item> queries = new ArrayList<>();
        for (Map.Entry<String, Expr> q : slo.sli().queries().entrySet()) {
            if (q.getValue() != null) {
                queries.add(new Block.Item(Inline.code(q.getKey()),
                        List.of(new Block.Code("promql", QueryText.of(q.getValue(), constants)))));
            }
        }
        if (!queries.isEmpty()) {
            b.add(new Block.Items(false, queries));
        }
        return b;
    }

    private static List<Block> tiers(Site site, RouteTree tree, Service s, Slo slo) {
        List<Block> b = new ArrayList<>();
        b.add(AlertPages.heading("alerts", "Alerts"));
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (Site.AlertEntry e : site.alertsOf(s)) {
            if (!(e.alert().origin() instanceof Origin.FromSlo from) || !from.slo().equals(slo.name())
                    || from.burn() == null) {
                continue;
            }
            String name = e.alert().name();
            List<Inline> receivers = receivers(tree, name);
            for (Origin.BurnWindow w : from.burn().windows()) {
                rows.add(List.of(Inline.text(from.burn().tier()),
                        List.of(Inline.codeLink(Links.alertPage(name), name)),
                        Inline.text(e.alert().severity() == null ? "none" : e.alert().severity().name()),
                        Inline.code(AlertWindows.format(w.longMillis())),
                        Inline.code(AlertWindows.format(w.shortMillis())),
                        Inline.text(QueryText.number(w.factor()) + "x"),
                        Inline.text(QueryText.number(w.budgetSpentPercent()) + "% of the budget"),
                        Inline.text(duration(w.exhaustionMillis())),
                        e.alert().forMillis() > 0 ? Inline.code(Durations.format(e.alert().forMillis()))
                                : Inline.text("at once"),
                        receivers));
            }
        }
        if (rows.isEmpty()) {
            b.add(new Block.Paragraph(Inline.text("The SLO raises no burn-rate alerts.")));
        } else {
            b.add(new Block.Table("The burn-rate alerts of " + slo.name() + ", one row per window pair: the alert "
                    + "fires when both windows burn faster than the factor",
                    List.of("Tier", "Alert", "Severity", "Long window", "Short window", "Burn rate", "Spent when it fires",
                            "Budget gone in", "For", "Receivers"), rows));
        }
        return b;
    }

    private static List<Inline> receivers(RouteTree tree, String alert) {
        List<Inline> out = new ArrayList<>();
        for (String r : tree.receivers(alert)) {
            if (!out.isEmpty()) {
                out.add(new Inline.Text(", "));
            }
            out.add(Inline.codeLink(Links.receiverPage(r), r));
        }
        return out.isEmpty() ? Inline.text("none") : out;
    }

    /** The error budget in percent of the events: {@code 99.9%} leaves {@code 0.1}. */
    static String budgetPercent(Slo slo) {
        return QueryText.number(slo.errorBudget().movePointRight(2));
    }

    /** The error budget as time: the window times the budget, to the millisecond. */
    static long budgetMillis(Slo slo) {
        return BigDecimal.valueOf(slo.windowMillis()).multiply(slo.errorBudget())
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** A duration as people read it, days at most: {@code 43m12s}, {@code 2d2h}. */
    static String duration(long millis) {
        if (millis <= 0) {
            return "0s";
        }
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        StringBuilder sb = new StringBuilder();
        long rest = millis;
        for (int i = 0; i < units.length; i++) {
            if (rest >= units[i]) {
                sb.append(rest / units[i]).append(names[i]);
                rest %= units[i];
            }
        }
        return sb.toString();
    }
}
