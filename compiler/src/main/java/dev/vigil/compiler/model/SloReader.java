package dev.vigil.compiler.model;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Property;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads SLO blocks and the project's {@code alert_windows} tables into the model. Value types,
 * required queries and references (severities, tables) are checked here; what needs the whole
 * model (objective range, buckets, label inference) is left to the {@code Slo.*} checks.
 */
final class SloReader {
    /** The table an SLO uses when it names none and the project declares no table called this. */
    static final String DEFAULT_TABLE = "default";
    static final long DEFAULT_WINDOW = 30L * 24 * 3600 * 1000;
    static final long DEFAULT_PAGE_FOR = 2 * 60_000;
    static final long DEFAULT_TICKET_FOR = 15 * 60_000;

    private static final Map<Slo.SliKind, List<String>> SLI_QUERIES = Map.of(
            Slo.SliKind.EVENTS, List.of("errors", "good", "total"),
            Slo.SliKind.LATENCY, List.of("histogram"),
            Slo.SliKind.AVAILABILITY, List.of("good", "bad"),
            Slo.SliKind.RATIO, List.of("ratio"));
    private static final List<String> ALERTING_KEYS =
            List.of("page", "ticket", "page_for", "ticket_for", "windows", "min_rate", "min_events");

    private final DiagnosticSink sink;
    private final ConstantTypes constantTypes;
    private final SeverityOrder severities;
    private final Map<String, AlertWindows> tables;

    SloReader(DiagnosticSink sink, ConstantTypes constantTypes, SeverityOrder severities,
            Map<String, AlertWindows> tables) {
        this.sink = sink;
        this.constantTypes = constantTypes;
        this.severities = severities;
        this.tables = tables;
    }

    /** The project's tables by name; a second table of the same name is an error. */
    static Map<String, AlertWindows> tables(List<Decl.AlertWindowsDecl> decls, ValueReader values, DiagnosticSink sink) {
        Map<String, AlertWindows> out = new LinkedHashMap<>();
        for (Decl.AlertWindowsDecl d : decls) {
            AlertWindows table = table(d, values, sink);
            AlertWindows first = out.putIfAbsent(table.name(), table);
            if (first != null) {
                sink.error(Ids.NAME_DUPLICATE, d.name().span(), "Alert window table `" + table.name()
                        + "` is declared twice.", "Rename one; the first is at " + first.span() + ".");
            }
        }
        return out;
    }

    private static AlertWindows table(Decl.AlertWindowsDecl d, ValueReader values, DiagnosticSink sink) {
        List<AlertWindows.Row> rows = new ArrayList<>();
        for (Decl.AlertWindowRow r : d.rows()) {
            AlertWindows.Tier tier = switch (r.tier().text()) {
                case "page" -> AlertWindows.Tier.PAGE;
                case "ticket" -> AlertWindows.Tier.TICKET;
                default -> {
                    sink.error(Ids.TYPE_UNKNOWN_KIND, r.tier().span(), "`" + r.tier().text() + "` is not an alert tier.",
                            "Use `page` or `ticket`.");
                    yield null;
                }
            };
            Optional<Long> longWindow = values.duration(r.longWindow(), "long window");
            Optional<Long> shortWindow = values.duration(r.shortWindow(), "short window");
            BigDecimal budget = null;
            BigDecimal factor = null;
            switch (r.measure().text()) {
                case "budget" -> budget = values.percent(r.amount(), "budget").orElse(null);
                case "factor" -> factor = values.number(r.amount(), "factor").orElse(null);
                default -> sink.error(Ids.PROPERTY_UNKNOWN, r.measure().span(), "`" + r.measure().text()
                        + "` is not a burn-rate measure.", "Write `budget 2%` (a share of the error budget, scaled "
                        + "with the SLO window) or `factor 14.4` (a fixed burn rate).");
            }
            if (tier != null && longWindow.isPresent() && shortWindow.isPresent() && (budget != null || factor != null)) {
                rows.add(new AlertWindows.Row(tier, longWindow.get(), shortWindow.get(), budget, factor, r.span()));
            }
        }
        if (d.rows().isEmpty()) {
            sink.error(Ids.PROPERTY_MISSING, d.name().span(), "Alert window table `" + d.name().text() + "` has no rows.",
                    "Add rows such as `page 1h 5m budget 2%`.");
        }
        return new AlertWindows(d.name().text(), rows, d.name().span());
    }

    Slo slo(Decl.SloDecl s, ValueReader values, Map<String, Constant> scope) {
        BigDecimal objective = null;
        Span objectiveSpan = s.name().span();
        long window = 0;
        String description = null;
        Slo.Sli sli = null;
        List<String> groupBy = new ArrayList<>();
        Span groupBySpan = s.name().span();
        Decl.Alerting alertingDecl = null;
        Map<Class<?>, Decl.SloProp> seen = new HashMap<>();
        for (Decl.SloProp p : s.properties()) {
            if (seen.putIfAbsent(p.getClass(), p) != null) {
                repeated(p.getClass().getSimpleName().toLowerCase(Locale.ROOT), p.span());
                continue;
            }
            if (p instanceof Decl.Objective o) {
                objective = objective(o.value(), values);
                objectiveSpan = o.value().span();
            } else if (p instanceof Decl.Window w) {
                window = values.duration(w.value(), "window").orElse(0L);
            } else if (p instanceof Decl.SloDescription d) {
                description = values.string(d.value(), "description").orElse(null);
            } else if (p instanceof Decl.SloGrouping g) {
                g.labels().forEach(n -> groupBy.add(n.text()));
                groupBySpan = g.span();
            } else if (p instanceof Decl.Sli si) {
                sli = sli(si, values, scope);
            } else if (p instanceof Decl.Alerting al) {
                alertingDecl = al;
            }
        }
        if (objective == null && !seen.containsKey(Decl.Objective.class)) {
            sink.error(Ids.PROPERTY_MISSING, s.name().span(), "SLO `" + s.name().text() + "` has no `objective`.",
                    "Add `objective 99.9%`.");
        }
        if (sli == null && !seen.containsKey(Decl.Sli.class)) {
            sink.error(Ids.PROPERTY_MISSING, s.name().span(), "SLO `" + s.name().text() + "` has no `sli`.",
                    "Add `sli events { errors = ... total = ... }`.");
        }
        if (window == 0) {
            window = DEFAULT_WINDOW;
        }
        Slo.Alerting alerting = alerting(alertingDecl, sli, values, s.name().span());
        return new Slo(s.name().text(), objective, objectiveSpan, window, description, sli, groupBy, groupBySpan,
                alerting, s.name().span());
    }

    /** The percentage as written; its range is the {@code Slo.ObjectiveRange} check's concern. */
    private static BigDecimal objective(Value v, ValueReader values) {
        Optional<Value> r = values.resolve(v);
        if (r.isPresent() && r.get() instanceof Value.PercentValue p) {
            return p.percent();
        }
        return r.isEmpty() ? null : values.percent(v, "objective").orElse(null);
    }

    private Slo.Sli sli(Decl.Sli s, ValueReader values, Map<String, Constant> scope) {
        Slo.SliKind kind;
        try {
            kind = Slo.SliKind.valueOf(s.kind().text().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            sink.error(Ids.TYPE_UNKNOWN_KIND, s.kind().span(), "`" + s.kind().text() + "` is not an SLI kind.",
                    "Use `events`, `latency`, `availability` or `ratio`.");
            return null;
        }
        SortedMap<String, Expr> queries = new TreeMap<>();
        for (Decl.SliQuery q : s.queries()) {
            String key = q.key().text();
            if (!SLI_QUERIES.get(kind).contains(key)) {
                sink.error(Ids.PROPERTY_UNKNOWN, q.key().span(), "A `" + s.kind().text() + "` SLI has no query `"
                        + key + "`.", "It takes " + ModelBuilder.quoteList(SLI_QUERIES.get(kind)) + ".");
                continue;
            }
            if (queries.putIfAbsent(key, q.expr()) != null) {
                repeated(key, q.span());
                continue;
            }
            constantTypes.check(q.expr(), scope);
            if (kind != Slo.SliKind.RATIO && !(q.expr() instanceof VectorSelector)) {
                sink.error(Ids.TYPE_MISMATCH, q.expr().span(), "`" + key + "` expects a selector such as "
                        + "`http_requests_total{code=~\"5..\"}`, but got an expression.",
                        "Write the selector alone: Vigil applies `rate` (or `sum_over_time`) over every window the "
                                + "alerts need, and aggregates by the SLO's `by` labels.");
            }
        }
        BigDecimal threshold = null;
        Span thresholdSpan = s.span();
        for (Property p : new PropertyReader(s.settings(), "sli", sink).all()) {
            if (kind == Slo.SliKind.LATENCY && p.key().text().equals("threshold")) {
                Optional<Value> v = values.resolve(p.value());
                thresholdSpan = p.value().span();
                if (v.isPresent() && v.get() instanceof Value.DurationValue d) {
                    threshold = BigDecimal.valueOf(d.millis()).movePointLeft(3).stripTrailingZeros();
                } else {
                    threshold = values.number(p.value(), "threshold").orElse(null);
                }
            } else if (kind == Slo.SliKind.LATENCY) {
                PropertyReader.unknown(p, "latency SLI", List.of("threshold"), sink);
            } else {
                sink.error(Ids.PROPERTY_UNKNOWN, p.key().span(), "A `" + s.kind().text() + "` SLI has no setting `"
                        + p.key().text() + "`.", "It takes only queries: " + ModelBuilder.quoteList(
                                SLI_QUERIES.get(kind).stream().map(q -> q + " = ...").toList()) + ".");
            }
        }
        missingQueries(kind, queries, s);
        if (kind == Slo.SliKind.LATENCY && threshold == null && s.settings().stream()
                .noneMatch(p -> p.key().text().equals("threshold"))) {
            sink.error(Ids.PROPERTY_MISSING, s.kind().span(), "A latency SLI needs a `threshold`.",
                    "Add `threshold 200ms`: a bucket boundary of the histogram.");
        }
        return new Slo.Sli(kind, queries, threshold, thresholdSpan, s.span());
    }

    private void missingQueries(Slo.SliKind kind, SortedMap<String, Expr> queries, Decl.Sli s) {
        String need = switch (kind) {
            case EVENTS -> queries.containsKey("total") && (queries.containsKey("errors") ^ queries.containsKey("good"))
                    ? null : "`errors` or `good` (one of them), and `total`";
            case LATENCY -> queries.containsKey("histogram") ? null : "`histogram`";
            case AVAILABILITY -> queries.containsKey("good") ^ queries.containsKey("bad") ? null
                    : "`good` or `bad` (one of them)";
            case RATIO -> queries.containsKey("ratio") ? null : "`ratio`";
        };
        if (need != null) {
            sink.error(Ids.PROPERTY_MISSING, s.kind().span(), "A `" + s.kind().text() + "` SLI needs " + need + ".",
                    null);
        }
    }

    private Slo.Alerting alerting(Decl.Alerting decl, Slo.Sli sli, ValueReader values, Span sloSpan) {
        List<String> levels = severities.levels();
        Slo.TierPolicy page = new Slo.TierPolicy(levels.get(0), DEFAULT_PAGE_FOR);
        Slo.TierPolicy ticket = new Slo.TierPolicy(levels.size() > 1 ? levels.get(1) : levels.get(0),
                DEFAULT_TICKET_FOR);
        AlertWindows table = tables.getOrDefault(DEFAULT_TABLE, AlertWindows.SRE_WORKBOOK);
        BigDecimal minRate = null;
        BigDecimal minEvents = null;
        Span span = decl == null ? sloSpan : decl.span();
        if (decl == null) {
            return new Slo.Alerting(page, ticket, table, null, null, span);
        }
        boolean pageOff = false;
        boolean ticketOff = false;
        for (Property p : new PropertyReader(decl.properties(), "alerting", sink).all()) {
            String key = p.key().text();
            switch (key) {
                case "page", "ticket" -> {
                    Optional<String> level = values.word(p.value(), key);
                    if (level.isEmpty()) {
                        continue;
                    }
                    if (level.get().equals("off")) {
                        if (key.equals("page")) {
                            pageOff = true;
                        } else {
                            ticketOff = true;
                        }
                    } else if (!levels.contains(level.get())) {
                        sink.error(Ids.REFERENCE_UNKNOWN, p.value().span(), "Severity `" + level.get()
                                + "` is not in the declared order.", "Use one of " + ModelBuilder.quoteList(levels)
                                + ", or `off` to disable the tier.");
                    } else if (key.equals("page")) {
                        page = new Slo.TierPolicy(level.get(), page.forMillis());
                    } else {
                        ticket = new Slo.TierPolicy(level.get(), ticket.forMillis());
                    }
                }
                case "page_for" -> {
                    long f = values.duration(p.value(), key).orElse(page.forMillis());
                    page = new Slo.TierPolicy(page.severity(), f);
                }
                case "ticket_for" -> {
                    long f = values.duration(p.value(), key).orElse(ticket.forMillis());
                    ticket = new Slo.TierPolicy(ticket.severity(), f);
                }
                case "windows" -> {
                    Optional<String> name = values.word(p.value(), key);
                    if (name.isPresent()) {
                        table = table(name.get(), p.value().span());
                    }
                }
                case "min_rate" -> minRate = positive(p, values);
                case "min_events" -> minEvents = positive(p, values);
                default -> PropertyReader.unknown(p, "alerting block", ALERTING_KEYS, sink);
            }
        }
        if (minRate != null && minEvents != null) {
            sink.error(Ids.PROPERTY_CONFLICT, decl.span(), "Give `min_rate` or `min_events`, not both.",
                    "`min_rate` is requests per second over the long window; `min_events` is requests in it.");
        }
        if ((minRate != null || minEvents != null) && sli != null
                && (sli.kind() == Slo.SliKind.AVAILABILITY || sli.kind() == Slo.SliKind.RATIO)) {
            sink.error(Ids.PROPERTY_CONFLICT, decl.span(), "A minimum traffic needs a request count, which a `"
                    + sli.kind().name().toLowerCase(Locale.ROOT) + "` SLI does not have.",
                    "Use an `events` or `latency` SLI, or remove `min_rate`/`min_events`.");
        }
        return new Slo.Alerting(pageOff ? null : page, ticketOff ? null : ticket, table, minRate, minEvents, span);
    }

    /** A table by name; {@code sre_workbook} is the built-in one unless the project redefines it. */
    private AlertWindows table(String name, Span where) {
        AlertWindows t = tables.get(name);
        if (t == null && name.equals(AlertWindows.SRE_WORKBOOK.name())) {
            return AlertWindows.SRE_WORKBOOK;
        }
        if (t == null) {
            sink.error(Ids.REFERENCE_UNKNOWN, where, "No alert window table is called `" + name + "`.",
                    "Declare `alert_windows " + name + " { page 1h 5m budget 2% ... }`, or use the built-in "
                            + "`sre_workbook`.");
            return AlertWindows.SRE_WORKBOOK;
        }
        return t;
    }

    private BigDecimal positive(Property p, ValueReader values) {
        Optional<BigDecimal> n = values.number(p.value(), p.key().text());
        if (n.isPresent() && n.get().signum() <= 0) {
            sink.error(Ids.TYPE_OUT_OF_RANGE, p.value().span(), "`" + p.key().text() + "` must be above 0, but is `"
                    + n.get().toPlainString() + "`.", "Remove it to alert whatever the traffic.");
            return null;
        }
        return n.orElse(null);
    }

    private void repeated(String keyword, Span where) {
        sink.error(Ids.PROPERTY_REPEATED, where, "`" + keyword + "` is given more than once here.",
                "Keep one; otherwise it is unclear which one applies.");
    }
}
