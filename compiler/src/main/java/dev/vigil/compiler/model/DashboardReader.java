package dev.vigil.compiler.model;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Property;
import dev.vigil.compiler.ast.Struct;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Suggest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a dashboard declaration into the model, checking every setting's type. */
final class DashboardReader {
    /** Grafana's uid rule: at most 40 characters of letters, digits, `-` and `_`. */
    private static final Pattern UID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private static final List<String> DASHBOARD_SETTINGS =
            List.of("uid", "tags", "refresh", "time", "description", "datasource");
    private static final List<String> PANEL_SETTINGS = List.of("unit", "min", "max", "decimals", "description", "text",
            "legend", "width", "height", "x", "y", "alerts");
    private static final List<String> LINK_SETTINGS =
            List.of("tooltip", "new_tab", "keep_time", "include_vars", "dropdown");
    /** The blocks that hold Grafana's panel JSON as it is, for what the language does not model. */
    private static final List<String> STRUCT_OPTIONS = List.of("options", "field_config");

    private final ValueReader values;
    private final ConstantTypes constantTypes;
    private final Map<String, Constant> scope;
    private final DiagnosticSink sink;
    private final Set<String> variableNames = new HashSet<>();

    private DashboardReader(ValueReader values, ConstantTypes constantTypes, Map<String, Constant> scope,
            DiagnosticSink sink) {
        this.values = values;
        this.constantTypes = constantTypes;
        this.scope = scope;
        this.sink = sink;
    }

    static Dashboard read(String service, Decl.DashboardDecl d, ValueReader values, ConstantTypes constantTypes,
            Map<String, Constant> scope, DiagnosticSink sink) {
        return new DashboardReader(values, constantTypes, scope, sink).dashboard(service, d);
    }

    private Dashboard dashboard(String service, Decl.DashboardDecl d) {
        String title = d.title() == null ? d.name().text() : values.string(d.title(), "title").orElse(d.name().text());
        String uid = (service + "-" + d.name().text()).replace('_', '-').toLowerCase(Locale.ROOT);
        List<String> tags = List.of();
        String refresh = null;
        String timeFrom = null;
        String datasource = null;
        List<Property> settings = new ArrayList<>();
        for (Decl.DashboardItem item : d.items()) {
            if (item instanceof Decl.DashboardProperty p) {
                settings.add(p.property());
            } else if (item instanceof Decl.Variable v) {
                variableNames.add(v.name().text());
            }
        }
        for (Property p : new PropertyReader(settings, "dashboard", sink).all()) {
            switch (p.key().text()) {
                case "uid" -> {
                    Optional<String> u = values.string(p.value(), "uid");
                    if (u.isPresent() && !UID.matcher(u.get()).matches()) {
                        // Blocking: the uid names the dashboard's file, and Grafana refuses it.
                        sink.blocking(Ids.NAME_INVALID, p.value().span(), "`" + u.get() + "` is not a valid Grafana uid.",
                                "Use at most 40 letters, digits, `-` or `_`.");
                    } else if (u.isPresent()) {
                        uid = u.get();
                    }
                }
                case "tags" -> tags = values.words(p.value(), "tags");
                case "refresh" -> refresh = values.duration(p.value(), "refresh").map(this::durationText).orElse(null);
                case "time" -> timeFrom = values.duration(p.value(), "time").map(this::durationText).orElse(null);
                case "description" -> values.string(p.value(), "description");
                case "datasource" -> datasource = datasource(p, values, sink).orElse(null);
                default -> PropertyReader.unknown(p, "dashboard", DASHBOARD_SETTINGS, sink);
            }
        }
        List<Dashboard.Variable> variables = new ArrayList<>();
        List<Dashboard.Row> rows = new ArrayList<>();
        List<Dashboard.Panel> loose = new ArrayList<>();
        List<Dashboard.DashboardLink> links = new ArrayList<>();
        for (Decl.DashboardItem item : d.items()) {
            if (item instanceof Decl.DashboardLink l) {
                link(l).ifPresent(links::add);
            } else if (item instanceof Decl.Variable v) {
                variables.add(variable(v));
            } else if (item instanceof Decl.Row r) {
                List<Dashboard.Panel> panels = new ArrayList<>();
                r.panels().forEach(p -> panel(p).ifPresent(panels::add));
                rows.add(new Dashboard.Row(values.string(r.title(), "row").orElse(""), panels, r.span()));
            } else if (item instanceof Decl.Panel p) {
                panel(p).ifPresent(loose::add);
            }
        }
        if (!loose.isEmpty()) {
            rows.add(0, new Dashboard.Row(null, loose, loose.get(0).span()));
        }
        return new Dashboard(d.name().text(), uid, title, tags, refresh, timeFrom, datasource, links, variables, rows,
                d.name().span());
    }

    /** Grafana's data source uid rule, as for dashboards: letters, digits, `-` and `_`, at most 40. */
    static Optional<String> datasource(Property p, ValueReader values, DiagnosticSink sink) {
        Optional<String> s = values.string(p.value(), p.key().text());
        if (s.isEmpty()) {
            return s;
        }
        // Grafana reads `$datasource` and `${datasource}` alike: the variable.
        if (s.get().equals(Dashboard.DATASOURCE_VARIABLE) || s.get().equals("$datasource")) {
            return Optional.of(Dashboard.DATASOURCE_VARIABLE);
        }
        if (!UID.matcher(s.get()).matches()) {
            sink.error(Ids.NAME_INVALID, p.value().span(), "`" + s.get() + "` is not a Grafana data source uid.",
                    "Write the uid of the Prometheus data source (at most 40 letters, digits, `-` or `_`), or "
                            + "`\"${datasource}\"` for the dashboard's data source variable.");
            return Optional.empty();
        }
        return s;
    }

    /** A dashboard link: a web page, a dashboard of the project, or Grafana's dashboards with some tags. */
    private Optional<Dashboard.DashboardLink> link(Decl.DashboardLink l) {
        String title = values.string(l.title(), "link title").orElse("");
        String url = null;
        Ref dashboard = null;
        List<String> tags = List.of();
        Optional<Value> target = values.resolve(l.target());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        if (!l.to()) {
            url = values.string(l.target(), "link url").orElse(null);
            if (url == null) {
                return Optional.empty();
            }
        } else if (target.get() instanceof Value.ListValue) {
            tags = values.words(l.target(), "link tags");
        } else if (target.get() instanceof Value.NameValue || target.get() instanceof Value.StringValue) {
            String name = values.word(l.target(), "link dashboard").orElse(null);
            if (name == null) {
                return Optional.empty();
            }
            dashboard = Ref.of(Ref.Kind.DASHBOARD, name, l.target().span());
        } else {
            sink.error(Ids.TYPE_MISMATCH, l.target().span(), "A link goes `to` a dashboard's name or a list of tags.",
                    "Write `to checkout_overview` for a dashboard of the project, or `to [\"kafka\"]` for Grafana's "
                            + "dashboards tagged `kafka`.");
            return Optional.empty();
        }
        boolean external = url != null;
        String tooltip = "";
        boolean newTab = external;
        boolean keepTime = !external;
        boolean includeVars = false;
        boolean dropdown = false;
        for (Property p : new PropertyReader(l.options(), "link", sink).all()) {
            String key = p.key().text();
            switch (key) {
                case "tooltip" -> tooltip = values.string(p.value(), key).orElse(tooltip);
                case "new_tab" -> newTab = values.bool(p.value(), key).orElse(newTab);
                case "keep_time" -> keepTime = values.bool(p.value(), key).orElse(keepTime);
                case "include_vars" -> includeVars = values.bool(p.value(), key).orElse(includeVars);
                case "dropdown" -> {
                    if (url == null && dashboard == null) {
                        dropdown = values.bool(p.value(), key).orElse(dropdown);
                    } else {
                        sink.error(Ids.PROPERTY_MISPLACED, p.key().span(), "`dropdown` is for a link `to` a list of "
                                + "tags, which Grafana shows as one menu.", "Remove it from this link.");
                    }
                }
                default -> PropertyReader.unknown(p, "link", LINK_SETTINGS, sink);
            }
        }
        return Optional.of(new Dashboard.DashboardLink(title, url, dashboard, tags, tooltip, newTab, keepTime,
                includeVars, dropdown, l.span()));
    }

    private String durationText(long millis) {
        return dev.vigil.compiler.promql.Durations.format(millis);
    }

    private Dashboard.Variable variable(Decl.Variable v) {
        boolean multi = false;
        boolean includeAll = false;
        for (Property p : new PropertyReader(v.options(), "variable", sink).all()) {
            switch (p.key().text()) {
                case "multi" -> multi = values.bool(p.value(), "multi").orElse(false);
                case "include_all" -> includeAll = values.bool(p.value(), "include_all").orElse(false);
                default -> PropertyReader.unknown(p, "variable", List.of("multi", "include_all"), sink);
            }
        }
        Decl.VariableSource s = v.source();
        if (s instanceof Decl.LabelValues lv) {
            constantTypes.check(lv.query(), scope, variableNames);
            return new Dashboard.Variable(v.name().text(), Dashboard.VariableKind.LABEL_VALUES, lv.query(),
                    lv.label().text(), List.of(), multi, includeAll, v.span());
        }
        if (s instanceof Decl.CustomValues c) {
            return new Dashboard.Variable(v.name().text(), Dashboard.VariableKind.CUSTOM, null, null,
                    values.words(c.values(), "custom"), multi, includeAll, v.span());
        }
        Decl.IntervalValues iv = (Decl.IntervalValues) s;
        List<String> intervals = new ArrayList<>();
        Optional<Value> list = values.resolve(iv.values());
        if (list.isPresent()) {
            List<Value> items = list.get() instanceof Value.ListValue l ? l.items() : List.of(list.get());
            for (Value item : items) {
                values.duration(item, "interval item").ifPresent(ms -> intervals.add(durationText(ms)));
            }
        }
        return new Dashboard.Variable(v.name().text(), Dashboard.VariableKind.INTERVAL, null, null, intervals, multi,
                includeAll, v.span());
    }

    private Optional<Dashboard.Panel> panel(Decl.Panel p) {
        Dashboard.PanelType type = null;
        try {
            type = Dashboard.PanelType.valueOf(p.type().text().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // Read on with no type, so its other mistakes are reported and references to it resolve.
            sink.error(Ids.TYPE_UNKNOWN_KIND, p.type().span(), "`" + p.type().text() + "` is not a panel type.",
                    "Use `timeseries`, `stat`, `gauge`, `table`, `bargauge`, `heatmap` or `text`.");
        }
        String title = values.string(p.title(), "title").orElse(p.name().text());
        List<Dashboard.Query> queries = new ArrayList<>();
        List<Dashboard.Threshold> thresholds = new ArrayList<>();
        List<Dashboard.Link> links = new ArrayList<>();
        Ref thresholdsFrom = null;
        String unit = null;
        Dashboard.UnitAt unitAt = null;
        BigDecimal min = null;
        BigDecimal max = null;
        Integer decimals = null;
        String description = null;
        String text = null;
        Integer width = null;
        Integer height = null;
        Integer x = null;
        Integer y = null;
        Struct.Obj structOptions = null;
        Struct.Obj structFieldConfig = null;
        List<Ref> alerts = null;
        Set<String> seen = new HashSet<>();
        for (Decl.PanelOption o : p.options()) {
            if (o instanceof Decl.Query q) {
                constantTypes.check(q.expr(), scope, variableNames);
                queries.add(new Dashboard.Query(q.expr(), null, q.span()));
            } else if (o instanceof Decl.Thresholds t) {
                if (!seen.add("thresholds")) {
                    repeated("thresholds", t);
                }
                // `thresholds from Alert` may add the alert's step to these; they are counted apart.
                for (Decl.ThresholdStep step : t.steps()) {
                    values.number(step.value(), "threshold").ifPresent(
                            n -> thresholds.add(new Dashboard.Threshold(step.color().text(), n, step.span())));
                }
            } else if (o instanceof Decl.ThresholdsFrom f) {
                if (!seen.add("thresholds from")) {
                    repeated("thresholds from", f);
                }
                thresholdsFrom = Ref.of(Ref.Kind.ALERT, f.alert().text(), f.alert().span());
            } else if (o instanceof Decl.Link l) {
                String lt = values.string(l.title(), "link title").orElse("");
                values.string(l.url(), "link url").ifPresent(u -> links.add(new Dashboard.Link(lt, u, l.span())));
            } else if (o instanceof Decl.PanelStruct ps) {
                String key = ps.key().text();
                if (!STRUCT_OPTIONS.contains(key)) {
                    String near = Suggest.closest(key, STRUCT_OPTIONS);
                    sink.error(Ids.PROPERTY_UNKNOWN, ps.key().span(), "`" + key + "` is not a block of a panel.",
                            near != null ? "Did you mean `" + near + "`?" : "Grafana's panel JSON goes in `options { }` "
                                    + "and `field_config { }`.");
                    continue;
                }
                if (!seen.add(key)) {
                    repeated(key, ps);
                    continue;
                }
                checkStruct(ps.value());
                if (key.equals("options")) {
                    structOptions = ps.value();
                } else {
                    structFieldConfig = ps.value();
                }
            } else if (o instanceof Decl.PanelSetting s) {
                Property prop = s.property();
                String key = prop.key().text();
                if (!key.equals("legend") && !seen.add(key)) {
                    repeated(key, s);
                    continue;
                }
                switch (key) {
                    case "unit" -> {
                        unit = values.string(prop.value(), "unit").orElse(null);
                        Value v = prop.value();
                        // Only a string written here, outside any expansion, is text a fix may replace.
                        unitAt = unit == null ? null : new Dashboard.UnitAt(v.span(),
                                v instanceof Value.StringValue && v.span().via() == null);
                    }
                    case "min" -> min = values.number(prop.value(), "min").orElse(null);
                    case "max" -> max = values.number(prop.value(), "max").orElse(null);
                    case "decimals" -> decimals = values.wholeNumber(prop.value(), "decimals", 0).orElse(null);
                    case "description" -> description = values.string(prop.value(), "description").orElse(null);
                    case "text" -> text = values.string(prop.value(), "text").orElse(null);
                    case "width" -> width = values.wholeNumber(prop.value(), "width", 1).orElse(null);
                    case "height" -> height = values.wholeNumber(prop.value(), "height", 1).orElse(null);
                    case "x" -> x = values.wholeNumber(prop.value(), "x", 0).orElse(null);
                    case "y" -> y = values.wholeNumber(prop.value(), "y", 0).orElse(null);
                    case "alerts" -> alerts = values.items(prop.value(), "alerts").stream()
                            .map(i -> Ref.of(Ref.Kind.ALERT, i.text(), i.span())).toList();
                    case "legend" -> {
                        Optional<String> legend = values.string(prop.value(), "legend");
                        if (queries.isEmpty()) {
                            sink.error(Ids.PROPERTY_MISPLACED, prop.key().span(), "`legend` must follow the `query` it names.",
                                    "Move it below a `query` line.");
                        } else if (legend.isPresent()) {
                            Dashboard.Query last = queries.remove(queries.size() - 1);
                            queries.add(new Dashboard.Query(last.expr(), legend.get(), last.span()));
                        }
                    }
                    default -> PropertyReader.unknown(prop, "panel", PANEL_SETTINGS, sink);
                }
            }
        }
        if (width != null && width > 24) {
            sink.error(Ids.TYPE_OUT_OF_RANGE, p.name().span(), "Panel `" + p.name().text() + "` is wider than Grafana's 24 columns.",
                    null);
            width = 24;
        }
        if ((x == null) != (y == null)) {
            if (!(seen.contains("x") && seen.contains("y"))) {
                sink.error(Ids.PROPERTY_MISSING, p.name().span(), "Panel `" + p.name().text() + "` gives `"
                        + (x == null ? "y" : "x") + "` without `" + (x == null ? "x" : "y") + "`.",
                        "A position needs both: `x` (the column, 0 to 23) and `y` (the line below the row's title).");
            }
            x = null;
            y = null;
        }
        if (x != null && x + (width == null ? 1 : width) > 24) {
            sink.error(Ids.TYPE_OUT_OF_RANGE, p.name().span(), "Panel `" + p.name().text() + "` at column " + x
                    + (width == null ? "" : " with width " + width) + " ends past Grafana's 24 columns.", null);
            x = null;
            y = null;
        }
        if (alerts != null && type != null && !Dashboard.PanelType.ANNOTATED.contains(type)) {
            sink.error(Ids.PROPERTY_MISPLACED, p.name().span(), "Panel `" + p.name().text() + "` is a `"
                    + p.type().text() + "`, which Grafana draws no alert periods on.",
                    "Remove `alerts`, or show the alerts on a `timeseries` or `heatmap` panel.");
            alerts = null;
        }
        if (type == Dashboard.PanelType.TEXT) {
            if (text == null) {
                sink.error(Ids.PROPERTY_MISSING, p.name().span(), "Text panel `" + p.name().text() + "` has no `text`.",
                        "Add `text \"...\"` with its Markdown.");
            }
        } else if (queries.isEmpty()) {
            sink.error(Ids.PROPERTY_MISSING, p.name().span(), "Panel `" + p.name().text() + "` has no `query`.",
                    "Add `query <PromQL>`.");
        }
        return Optional.of(new Dashboard.Panel(p.name().text(), type, title, queries, unit, unitAt, min, max, decimals,
                description, text, thresholds, thresholdsFrom, links, width, height, x, y, structOptions, structFieldConfig,
                alerts, p.name().span()));
    }

    /** Bare words and repeated keys, which JSON has no way to say; the schemas are checked later. */
    private void checkStruct(Struct s) {
        if (s instanceof Struct.Obj o) {
            Set<String> keys = new HashSet<>();
            for (Struct.Member m : o.members()) {
                if (!keys.add(m.key())) {
                    sink.error(Ids.PROPERTY_REPEATED, m.keySpan(), "`" + m.key() + "` is given more than once in this object.",
                            "Keep one; otherwise it is unclear which one applies.");
                }
                checkStruct(m.value());
            }
        } else if (s instanceof Struct.Arr a) {
            a.items().forEach(this::checkStruct);
        } else if (s instanceof Struct.Word w) {
            sink.error(Ids.TYPE_MISMATCH, w.span(), "`" + w.text() + "` is not a JSON value: only `true`, `false` and "
                    + "`null` are written bare.", "Write a string in quotes: `\"" + w.text() + "\"`.");
        }
    }

    private void repeated(String keyword, Decl.PanelOption o) {
        sink.error(Ids.PROPERTY_REPEATED, o.span(), "`" + keyword + "` is given more than once in this panel.",
                "Keep one; otherwise it is unclear which one applies.");
    }
}
