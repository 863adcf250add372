package dev.vigil.compiler.index;

import dev.vigil.compiler.ast.Binding;
import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.DottedName;
import dev.vigil.compiler.ast.LabelPair;
import dev.vigil.compiler.ast.Name;
import dev.vigil.compiler.ast.ParamType;
import dev.vigil.compiler.ast.Property;
import dev.vigil.compiler.ast.Scope;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.index.Locate.Found;
import dev.vigil.compiler.index.Occurrence.Form;
import dev.vigil.compiler.index.Occurrence.Role;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.ConstantUse;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One walk over the files that records every definition where it stands and every reference as pending,
 * then resolves the references by the compiler's rules once every name is known. Two inputs are walked:
 * the files after template expansion, which the model is built from (so a name a blueprint builds per
 * service is known by the name the service gets, at the place in the blueprint that builds it), and the
 * files as parsed, for what expansion leaves no trace of: {@code use} sites, the constants their arguments
 * and loops read, and the bodies of templates, built once with stand-ins as the compiler checks them.
 * Each name, declaration and query is visited a bounded number of times, and every lookup is by name in
 * a hash map, so building is linear in the size of the project.
 */
final class IndexBuilder {
    /** What a reference names, before it is resolved. */
    enum RefKind {
        CONSTANT, SERIES, ALERT, ALERT_OR_DASHBOARD, DASHBOARD, PANEL, RECEIVER, TIME_INTERVAL, TEMPLATE
    }

    /**
     * Where the walk stands: the service (null outside one), the dashboard and its Grafana variables (which
     * a query's {@code $name} means before a constant), and whether only constants and template uses are
     * recorded (the walk of the parsed files, whose other names the expanded files give).
     */
    private record Ctx(String service, String dashboard, Set<String> variables, boolean usesOnly) {
        Ctx inService(String s) {
            return new Ctx(s, null, Set.of(), usesOnly);
        }

        Ctx inDashboard(String d, Set<String> vars) {
            return new Ctx(service, d, vars, usesOnly);
        }
    }

    private record Pending(RefKind kind, String name, String member, Found where, Found memberWhere, Span.Via via,
            Ctx ctx) {
    }

    /** A query as written, and the service whose names it reads. */
    record ExprSite(Expr expr, String service) {
    }

    /** A template or loop body: inside {@code span}, {@code $name} of one of {@code names} is not a constant. */
    record Shadow(Span span, Set<String> names) {
    }

    private final Map<String, SourceText> texts;
    private final Project model;

    private final Set<String> alerts = new HashSet<>();
    private final Set<String> receivers = new HashSet<>();
    private final Set<String> intervals = new HashSet<>();
    private final Set<String> templates = new HashSet<>();
    private final Set<String> recordings = new HashSet<>();
    private final Map<String, Decl.MetricDecl> metrics = new HashMap<>();
    private final Map<String, Value> globalConstants = new HashMap<>();
    private final Map<String, Map<String, Value>> serviceConstants = new HashMap<>();
    private final Map<String, Set<String>> dashboardsOf = new HashMap<>();
    private final Map<String, List<String>> servicesWithDashboard = new HashMap<>();
    private final Map<String, Set<String>> panelsOf = new HashMap<>();
    private final Set<String> aliases = new HashSet<>();

    private final List<Pending> pending = new ArrayList<>();
    private final Map<Symbol, Map<Span, Occurrence>> occurrences = new LinkedHashMap<>();
    private final Map<String, List<ExprSite>> exprs = new HashMap<>();
    private final Map<String, List<Shadow>> shadows = new HashMap<>();

    IndexBuilder(Map<String, SourceText> texts, Project model) {
        this.texts = texts;
        this.model = model;
    }

    /** What the walk found, for {@link SymbolIndex}. */
    record Result(Map<Symbol, Map<Span, Occurrence>> occurrences, Map<String, List<ExprSite>> exprs,
            Map<String, List<Shadow>> shadows, Map<String, Decl.MetricDecl> metrics, Map<String, Value> globalConstants,
            Map<String, Map<String, Value>> serviceConstants, Set<String> aliases) {
    }

    Result build(List<VigilFile> expanded, List<VigilFile> parsed) {
        for (VigilFile f : expanded) {
            file(f, new Ctx(null, null, Set.of(), false));
        }
        for (VigilFile f : parsed) {
            file(f, new Ctx(null, null, Set.of(), true));
        }
        generated();
        for (Pending p : pending) {
            resolve(p);
        }
        return new Result(occurrences, exprs, shadows, metrics, globalConstants, serviceConstants, aliases);
    }

    // ------------------------------------------------------------ recording

    private SourceText text(Span s) {
        return s == null ? null : texts.get(s.file());
    }

    private void define(SymbolKind kind, Name name, String service, String dashboard, Ctx ctx) {
        if (ctx.usesOnly() || name == null || name.text() == null || name.span() == null) {
            return;
        }
        Symbol s = new Symbol(kind, name.text(), service, dashboard);
        add(s, Locate.name(text(name.span()), name.span(), name.text()), Role.DEFINITION, name.span().via());
    }

    private void add(Symbol s, Found where, Role role, Span.Via via) {
        if (where == null || where.span().isNone()) {
            return;
        }
        occurrences.computeIfAbsent(s, k -> new LinkedHashMap<>())
                .putIfAbsent(where.span(), new Occurrence(s, where.span(), role, where.form(), via));
    }

    private void refer(RefKind kind, Name name, Ctx ctx) {
        if (name == null || name.text() == null || name.span() == null) {
            return;
        }
        refer(kind, name.text(), Locate.name(text(name.span()), name.span(), name.text()), name.span().via(), ctx);
    }

    private void refer(RefKind kind, String name, Found where, Span.Via via, Ctx ctx) {
        if (ctx.usesOnly() && kind != RefKind.CONSTANT && kind != RefKind.TEMPLATE) {
            return;
        }
        pending.add(new Pending(kind, name, null, where, null, via, ctx));
    }

    // ------------------------------------------------------------ files

    private void file(VigilFile f, Ctx ctx) {
        for (Decl d : f.decls()) {
            if (d instanceof Decl.ConstDecl c) {
                if (!ctx.usesOnly() && c.name() != null) {
                    globalConstants.putIfAbsent(c.name().text(), c.value());
                }
                define(SymbolKind.CONSTANT, c.name(), null, null, ctx);
                value(c.value(), ctx);
            } else if (d instanceof Decl.SettingsDecl s) {
                properties(s.properties(), ctx);
            } else if (d instanceof Decl.CatalogueDecl c) {
                properties(c.properties(), ctx);
            } else if (d instanceof Decl.KubernetesDecl k) {
                kubernetes(k, ctx);
            } else if (d instanceof Decl.AlertWindowsDecl w) {
                for (Decl.AlertWindowRow r : w.rows()) {
                    value(r.longWindow(), ctx);
                    value(r.shortWindow(), ctx);
                    value(r.amount(), ctx);
                }
            } else if (d instanceof Decl.ServiceDecl s) {
                if (s.name() != null) {
                    Ctx in = ctx.inService(s.name().text());
                    for (Decl.ServiceMember m : s.members()) {
                        member(m, in);
                    }
                }
            } else if (d instanceof Decl.RoutingDecl r) {
                routing(r, ctx);
            } else if (d instanceof Decl.TemplateDecl t) {
                template(t, ctx);
            }
            // Other declarations (severities, checks, and any kind added later) name nothing the index follows.
        }
    }

    private void template(Decl.TemplateDecl t, Ctx ctx) {
        if (t.name() == null) {
            return;
        }
        if (!ctx.usesOnly()) {
            templates.add(t.name().text());
            define(SymbolKind.TEMPLATE, t.name(), null, null, new Ctx(null, null, Set.of(), false));
            return;
        }
        // The body as the compiler checks it at the definition: each parameter bound to a stand-in of its type.
        Map<String, Binding> standIns = new HashMap<>();
        Set<String> names = new HashSet<>();
        names.add("service");
        for (Decl.Param p : t.params()) {
            if (p.name() == null) {
                continue;
            }
            names.add(p.name().text());
            ParamType.parse(p.type() == null ? "" : p.type().text())
                    .ifPresent(type -> standIns.putIfAbsent(p.name().text(), type.placeholder(p.name().span())));
            if (p.defaultValue() != null) {
                argument(p.defaultValue(), ctx);
            }
        }
        standIns.put("service", ParamType.STRING.placeholder(t.name().span()));
        shadow(t.span(), names);
        if (t.body() != null) {
            Scope scope = t.body().enclosing().child(standIns, null, true);
            items(build(t.body(), scope), ctx);
        }
    }

    private static List<?> build(Decl.Body body, Scope scope) {
        try {
            return body.build(scope, new DiagnosticSink());
        } catch (RuntimeException broken) {
            // A body the builder cannot build is the compiler's to report; the index goes without it.
            return List.of();
        }
    }

    private void shadow(Span span, Set<String> names) {
        if (span != null && !span.isNone()) {
            shadows.computeIfAbsent(span.file(), k -> new ArrayList<>()).add(new Shadow(Locate.place(span), Set.copyOf(names)));
        }
    }

    /** A body's elements, whatever it holds: service members, rules or dashboard items. */
    private void items(List<?> items, Ctx ctx) {
        for (Object o : items) {
            if (useOrLoop(o, ctx)) {
                continue;
            }
            if (o instanceof Decl.ServiceMember m) {
                member(m, ctx);
            } else if (o instanceof Decl.RuleDecl r) {
                rule(r, ctx);
            } else if (o instanceof Decl.DashboardItem i) {
                dashboardItem(i, ctx);
            }
        }
    }

    /** A {@code use} or {@code for}, which stands among members, rules and dashboard items alike; false for anything else. */
    private boolean useOrLoop(Object o, Ctx ctx) {
        if (o instanceof Decl.Use u) {
            use(u, ctx);
            return true;
        }
        if (o instanceof Decl.ForEach f) {
            forEach(f, ctx);
            return true;
        }
        return false;
    }

    private void use(Decl.Use u, Ctx ctx) {
        refer(RefKind.TEMPLATE, u.template(), ctx);
        for (Decl.Argument a : u.arguments()) {
            argument(a, ctx);
        }
    }

    private void argument(Decl.Argument a, Ctx ctx) {
        value(a.value(), ctx);
        expr(a.query(), ctx, false);
        // A query passed to a template is read where the template puts it, but a hover asks where it is written.
        if (ctx.usesOnly() && a.query() != null && a.query().span() != null && !a.query().span().isNone()) {
            exprs.computeIfAbsent(a.query().span().file(), k -> new ArrayList<>())
                    .add(new ExprSite(a.query(), ctx.service()));
        }
    }

    private void forEach(Decl.ForEach f, Ctx ctx) {
        value(f.list(), ctx);
        if (f.body() == null || f.variable() == null) {
            return;
        }
        // Built once with a stand-in element, for the uses and constants its body holds.
        Map<String, Binding> bindings = new HashMap<>();
        bindings.put(f.variable().text(), ParamType.STRING.placeholder(f.variable().span()));
        bindings.putIfAbsent("service", ParamType.STRING.placeholder(f.variable().span()));
        shadow(f.span(), Set.of(f.variable().text(), "service"));
        items(build(f.body(), f.body().enclosing().child(bindings, null, true)), ctx);
    }

    // ------------------------------------------------------------ values and queries

    private void value(Value v, Ctx ctx) {
        if (v instanceof Value.ConstRefValue c) {
            constant(c.name(), c.span(), false, ctx);
        } else if (v instanceof Value.ListValue l) {
            for (Value item : l.items()) {
                value(item, ctx);
            }
        }
    }

    private void properties(List<Property> properties, Ctx ctx) {
        for (Property p : properties) {
            value(p.value(), ctx);
        }
    }

    private void labels(List<LabelPair> pairs, Ctx ctx) {
        for (LabelPair p : pairs) {
            value(p.value(), ctx);
        }
    }

    private void constant(String name, Span span, boolean inMatcher, Ctx ctx) {
        if (name == null || span == null) {
            return;
        }
        SourceText t = text(span);
        Found where = inMatcher ? Locate.dollar(t, span, name) : dollarToken(t, span, name);
        refer(RefKind.CONSTANT, name, where, span.via(), ctx);
    }

    /** A {@code $name} token: the name is the token without its {@code $}. */
    private static Found dollarToken(SourceText t, Span span, String name) {
        String written = t == null ? null : t.slice(span);
        if (written != null && written.equals("$" + name)) {
            int[] r = t.range(span);
            return new Found(t.span(r[0] + 1, r[1]), Form.WRITTEN);
        }
        return Locate.dollar(t, span, name);
    }

    /** A query: its constants, the series it reads, and (outside the parsed-files walk) its place for hovers. */
    private void expr(Expr e, Ctx ctx, boolean root) {
        if (e == null) {
            return;
        }
        if (root && !ctx.usesOnly() && e.span() != null && !e.span().isNone()) {
            exprs.computeIfAbsent(e.span().file(), k -> new ArrayList<>()).add(new ExprSite(e, ctx.service()));
        }
        for (ConstantUse u : ConstantUse.in(e)) {
            if (u.position() == ConstantUse.Position.PARAMETER) {
                continue;
            }
            // Grafana's variables of the dashboard, and its built-ins, come before constants in its queries.
            if (ctx.variables().contains(u.name()) || u.name().startsWith("__")) {
                continue;
            }
            constant(u.name(), u.span(), u.position() == ConstantUse.Position.MATCHER_VALUE, ctx);
        }
        if (ctx.usesOnly()) {
            return;
        }
        Expr.walk(e, node -> {
            if (node instanceof VectorSelector v) {
                selector(v, ctx);
            }
        });
    }

    private void selector(VectorSelector v, Ctx ctx) {
        String name = v.name().orElse(null);
        if (name == null || v.span() == null) {
            return;
        }
        Found where = Locate.series(text(v.span()), v.span(), name, v.metricName() != null);
        refer(RefKind.SERIES, name, where, v.span().via(), ctx);
        // Prometheus's own series of firing alerts name them: `ALERTS{alertname="CheckoutDown"}`.
        if (name.equals("ALERTS") || name.equals("ALERTS_FOR_STATE")) {
            for (LabelMatcher m : v.matchers()) {
                if (m.name().equals(ALERTNAME) && m.op() == MatchOp.EQ && !m.isConstRef() && m.span() != null) {
                    refer(RefKind.ALERT, m.value(), Locate.series(text(m.span()), m.span(), m.value(), false),
                            m.span().via(), ctx);
                }
            }
        }
    }

    private static final String ALERTNAME = "alertname";

    /** {@code alertname = "CheckoutDown"} in a route, an inhibit rule or a routing test names an alert. */
    private void routeMatchers(List<Decl.RouteMatcher> matchers, Ctx ctx) {
        for (Decl.RouteMatcher m : matchers) {
            if (m.label() != null && m.label().text().equals(ALERTNAME) && "=".equals(m.op())) {
                nameItem(RefKind.ALERT, m.value(), ctx);
            } else {
                value(m.value(), ctx);
            }
        }
    }

    // ------------------------------------------------------------ services

    private void member(Decl.ServiceMember m, Ctx ctx) {
        if (useOrLoop(m, ctx)) {
            return;
        }
        if (m instanceof Decl.ConstDecl c) {
            if (!ctx.usesOnly() && c.name() != null && ctx.service() != null) {
                serviceConstants.computeIfAbsent(ctx.service(), k -> new HashMap<>()).putIfAbsent(c.name().text(), c.value());
            }
            define(SymbolKind.CONSTANT, c.name(), ctx.service(), null, ctx);
            value(c.value(), ctx);
        } else if (m instanceof Decl.TeamMember t) {
            value(t.value(), ctx);
        } else if (m instanceof Decl.LabelsMember l) {
            labels(l.labels(), ctx);
        } else if (m instanceof Decl.LinksMember l) {
            properties(l.links(), ctx);
        } else if (m instanceof Decl.KubernetesDecl k) {
            kubernetes(k, ctx);
        } else if (m instanceof Decl.MetricDecl md) {
            if (!ctx.usesOnly() && md.name() != null) {
                metrics.putIfAbsent(md.name().text(), md);
            }
            define(SymbolKind.METRIC, md.name(), null, null, ctx);
            value(md.labels(), ctx);
            properties(md.properties(), ctx);
        } else if (m instanceof Decl.GroupDecl g) {
            value(g.interval(), ctx);
            value(g.limit(), ctx);
            for (Decl.RuleDecl r : g.rules()) {
                rule(r, ctx);
            }
        } else if (m instanceof Decl.SloDecl s) {
            slo(s, ctx);
        } else if (m instanceof Decl.DashboardDecl d) {
            dashboard(d, ctx);
        } else if (m instanceof Decl.TestDecl t) {
            test(t, ctx);
        }
    }

    private void kubernetes(Decl.KubernetesDecl k, Ctx ctx) {
        properties(k.properties(), ctx);
        labels(k.labels(), ctx);
        labels(k.annotations(), ctx);
    }

    private void slo(Decl.SloDecl s, Ctx ctx) {
        for (Decl.SloProp p : s.properties()) {
            if (p instanceof Decl.Objective o) {
                value(o.value(), ctx);
            } else if (p instanceof Decl.Window w) {
                value(w.value(), ctx);
            } else if (p instanceof Decl.SloDescription d) {
                value(d.value(), ctx);
            } else if (p instanceof Decl.Sli sli) {
                for (Decl.SliQuery q : sli.queries()) {
                    expr(q.expr(), ctx, true);
                }
                properties(sli.settings(), ctx);
            } else if (p instanceof Decl.Alerting a) {
                properties(a.properties(), ctx);
            }
        }
    }

    // ------------------------------------------------------------ rules

    private void rule(Decl.RuleDecl r, Ctx ctx) {
        if (useOrLoop(r, ctx)) {
            return;
        }
        if (r instanceof Decl.RecordDecl rec) {
            if (!ctx.usesOnly() && rec.name() != null) {
                recordings.add(rec.name().text());
            }
            define(SymbolKind.RECORDING_RULE, rec.name(), null, null, ctx);
            labels(rec.labels(), ctx);
            expr(rec.expr(), ctx, true);
        } else if (r instanceof Decl.AlertDecl a) {
            alert(a, ctx);
        }
    }

    private void alert(Decl.AlertDecl a, Ctx ctx) {
        if (!ctx.usesOnly() && a.name() != null) {
            alerts.add(a.name().text());
        }
        define(SymbolKind.ALERT, a.name(), null, null, ctx);
        for (Decl.AlertProp p : a.properties()) {
            if (p instanceof Decl.When w) {
                expr(w.expr(), ctx, true);
            } else if (p instanceof Decl.For f) {
                value(f.value(), ctx);
            } else if (p instanceof Decl.KeepFiringFor k) {
                value(k.value(), ctx);
            } else if (p instanceof Decl.AlertLabels l) {
                labels(l.labels(), ctx);
            } else if (p instanceof Decl.Summary s) {
                value(s.value(), ctx);
            } else if (p instanceof Decl.Description d) {
                value(d.value(), ctx);
            } else if (p instanceof Decl.Guard g) {
                expr(g.expr(), ctx, true);
            } else if (p instanceof Decl.PanelLink pl) {
                dotted(pl.panel(), false, ctx);
            } else if (p instanceof Decl.Runbook rb) {
                runbook(rb, ctx);
            } else if (p instanceof Decl.RunbookLink rl) {
                value(rl.url(), ctx);
            } else if (p instanceof Decl.AlertAnnotations an) {
                labels(an.annotations(), ctx);
            } else if (p instanceof Decl.Aliases al) {
                value(al.names(), ctx);
                if (!ctx.usesOnly() && al.names() instanceof Value.ListValue l) {
                    l.items().forEach(i -> aliases.add(dev.vigil.compiler.ast.Values.text(i)));
                }
            }
        }
    }

    private void runbook(Decl.Runbook rb, Ctx ctx) {
        for (Decl.RunbookItem item : rb.items()) {
            if (item instanceof Decl.Meaning m) {
                value(m.text(), ctx);
            } else if (item instanceof Decl.Triage t) {
                value(t.text(), ctx);
            } else if (item instanceof Decl.Diagnose d) {
                value(d.title(), ctx);
                expr(d.query(), ctx, true);
            } else if (item instanceof Decl.Remediate r) {
                value(r.text(), ctx);
                value(r.command(), ctx);
            } else if (item instanceof Decl.Escalate e) {
                value(e.text(), ctx);
            } else if (item instanceof Decl.Related r) {
                for (DottedName d : r.refs()) {
                    dotted(d, true, ctx);
                }
            }
        }
    }

    /**
     * {@code panel dashboard.panel}, {@code panel dashboard}, or in a runbook's {@code related} also an alert:
     * an unqualified name there is an alert when one has the name, else a dashboard (as {@code Unknown} reads it).
     */
    private void dotted(DottedName d, boolean alertToo, Ctx ctx) {
        if (ctx.usesOnly() || d == null || d.first() == null) {
            return;
        }
        Name first = d.first();
        Name second = d.second();
        Found[] parts = Locate.dotted(text(d.span()), d.span(), first.text(), second == null ? null : second.text());
        Found a = parts != null ? parts[0] : Locate.name(text(first.span()), first.span(), first.text());
        Found b = second == null ? null : parts != null ? parts[1] : Locate.name(text(second.span()), second.span(), second.text());
        RefKind kind = second != null ? RefKind.PANEL : alertToo ? RefKind.ALERT_OR_DASHBOARD : RefKind.DASHBOARD;
        pending.add(new Pending(kind, first.text(), second == null ? null : second.text(), a, b, d.span().via(), ctx));
    }

    // ------------------------------------------------------------ dashboards

    private void dashboard(Decl.DashboardDecl d, Ctx ctx) {
        if (d.name() == null) {
            return;
        }
        String name = d.name().text();
        if (!ctx.usesOnly() && ctx.service() != null) {
            if (dashboardsOf.computeIfAbsent(ctx.service(), k -> new HashSet<>()).add(name)) {
                servicesWithDashboard.computeIfAbsent(name, k -> new ArrayList<>()).add(ctx.service());
            }
        }
        define(SymbolKind.DASHBOARD, d.name(), ctx.service(), null, ctx);
        value(d.title(), ctx);
        Set<String> variables = new HashSet<>();
        for (Decl.DashboardItem i : d.items()) {
            if (i instanceof Decl.Variable v && v.name() != null) {
                variables.add(v.name().text());
            }
        }
        if (!ctx.usesOnly() && !variables.isEmpty()) {
            shadow(d.span(), variables);
        }
        Ctx in = ctx.inDashboard(name, Set.copyOf(variables));
        for (Decl.DashboardItem i : d.items()) {
            dashboardItem(i, in);
        }
    }

    private void dashboardItem(Decl.DashboardItem i, Ctx ctx) {
        if (useOrLoop(i, ctx)) {
            return;
        }
        if (i instanceof Decl.DashboardProperty p) {
            value(p.property() == null ? null : p.property().value(), ctx);
        } else if (i instanceof Decl.DashboardLink l) {
            value(l.title(), ctx);
            properties(l.options(), ctx);
            if (l.to() && (l.target() instanceof Value.NameValue || l.target() instanceof Value.StringValue)) {
                String name = dev.vigil.compiler.ast.Values.text(l.target());
                refer(RefKind.DASHBOARD, name, Locate.name(text(l.target().span()), l.target().span(), name),
                        l.target().span().via(), ctx);
            } else {
                value(l.target(), ctx);
            }
        } else if (i instanceof Decl.Variable v) {
            if (v.source() instanceof Decl.LabelValues lv) {
                expr(lv.query(), ctx, true);
            } else if (v.source() instanceof Decl.CustomValues c) {
                value(c.values(), ctx);
            } else if (v.source() instanceof Decl.IntervalValues iv) {
                value(iv.values(), ctx);
            }
            properties(v.options(), ctx);
        } else if (i instanceof Decl.Row r) {
            value(r.title(), ctx);
            for (Decl.Panel p : r.panels()) {
                panel(p, ctx);
            }
        } else if (i instanceof Decl.Panel p) {
            panel(p, ctx);
        }
    }

    private void panel(Decl.Panel p, Ctx ctx) {
        if (p.name() != null && ctx.dashboard() != null) {
            if (!ctx.usesOnly()) {
                panelsOf.computeIfAbsent(panelKey(ctx.service(), ctx.dashboard()), k -> new HashSet<>()).add(p.name().text());
            }
            define(SymbolKind.PANEL, p.name(), ctx.service(), ctx.dashboard(), ctx);
        }
        value(p.title(), ctx);
        for (Decl.PanelOption o : p.options()) {
            if (o instanceof Decl.Query q) {
                expr(q.expr(), ctx, true);
            } else if (o instanceof Decl.Thresholds t) {
                t.steps().forEach(s -> value(s.value(), ctx));
            } else if (o instanceof Decl.ThresholdsFrom f) {
                refer(RefKind.ALERT, f.alert(), ctx);
            } else if (o instanceof Decl.Link l) {
                value(l.title(), ctx);
                value(l.url(), ctx);
            } else if (o instanceof Decl.PanelSetting s && s.property() != null) {
                Property prop = s.property();
                if (prop.key() != null && prop.key().text().equals("alerts") && prop.value() instanceof Value.ListValue l) {
                    for (Value item : l.items()) {
                        nameItem(RefKind.ALERT, item, ctx);
                    }
                } else {
                    value(prop.value(), ctx);
                }
            }
        }
    }

    /** A list item that names something: a bare word or a string; a constant is a constant's reference. */
    private void nameItem(RefKind kind, Value item, Ctx ctx) {
        if (item instanceof Value.NameValue || item instanceof Value.StringValue) {
            String name = dev.vigil.compiler.ast.Values.text(item);
            refer(kind, name, Locate.name(text(item.span()), item.span(), name), item.span().via(), ctx);
        } else {
            value(item, ctx);
        }
    }

    static String panelKey(String service, String dashboard) {
        return service + '\u0000' + dashboard;
    }

    // ------------------------------------------------------------ tests

    private void test(Decl.TestDecl t, Ctx ctx) {
        value(t.name(), ctx);
        for (Decl.TestItem i : t.items()) {
            if (i instanceof Decl.TestInterval iv) {
                value(iv.interval(), ctx);
            } else if (i instanceof Decl.Series s) {
                expr(s.selector(), ctx, true);
                value(s.values(), ctx);
            } else if (i instanceof Decl.ExpectAlert e) {
                value(e.at(), ctx);
                refer(RefKind.ALERT, e.alert(), ctx);
                labels(e.labels(), ctx);
                value(e.value(), ctx);
                labels(e.annotations(), ctx);
            } else if (i instanceof Decl.ExpectNoAlert n) {
                value(n.at(), ctx);
                refer(RefKind.ALERT, n.alert(), ctx);
            } else if (i instanceof Decl.ExpectValue v) {
                value(v.at(), ctx);
                expr(v.expr(), ctx, true);
                for (Decl.Sample s : v.samples()) {
                    expr(s.labels(), ctx, false);
                    value(s.value(), ctx);
                }
            }
        }
    }

    // ------------------------------------------------------------ routing

    private void routing(Decl.RoutingDecl r, Ctx ctx) {
        for (Decl.RoutingItem item : r.items()) {
            if (item instanceof Decl.Receiver rc) {
                if (!ctx.usesOnly() && rc.name() != null) {
                    receivers.add(rc.name().text());
                }
                define(SymbolKind.RECEIVER, rc.name(), null, null, ctx);
                properties(rc.properties(), ctx);
            } else if (item instanceof Decl.RouteItem ri) {
                route(ri.route(), ctx);
            } else if (item instanceof Decl.Inhibit in) {
                inhibitSide(in.target(), ctx);
                inhibitSide(in.source(), ctx);
            } else if (item instanceof Decl.TimeInterval ti) {
                if (!ctx.usesOnly() && ti.name() != null) {
                    intervals.add(ti.name().text());
                }
                define(SymbolKind.TIME_INTERVAL, ti.name(), null, null, ctx);
                properties(ti.properties(), ctx);
            } else if (item instanceof Decl.RoutingTest rt) {
                value(rt.name(), ctx);
                for (Decl.RouteCase c : rt.cases()) {
                    testAlert(c.alert(), ctx);
                    testAlert(c.source(), ctx);
                    for (Name n : c.receivers()) {
                        refer(RefKind.RECEIVER, n, ctx);
                    }
                }
            }
        }
    }

    private void route(Decl.Route r, Ctx ctx) {
        if (r == null) {
            return;
        }
        routeMatchers(r.matchers(), ctx);
        refer(RefKind.RECEIVER, r.receiver(), ctx);
        for (Property p : r.settings()) {
            String key = p.key() == null ? "" : p.key().text();
            if ((key.equals("mute_time_intervals") || key.equals("active_time_intervals"))
                    && p.value() instanceof Value.ListValue l) {
                for (Value item : l.items()) {
                    nameItem(RefKind.TIME_INTERVAL, item, ctx);
                }
            } else if (key.equals("mute_time_intervals") || key.equals("active_time_intervals")) {
                nameItem(RefKind.TIME_INTERVAL, p.value(), ctx);
            } else {
                value(p.value(), ctx);
            }
        }
        for (Decl.Route child : r.children()) {
            route(child, ctx);
        }
    }

    private void inhibitSide(Decl.InhibitSide side, Ctx ctx) {
        if (side == null) {
            return;
        }
        refer(RefKind.ALERT, side.alert(), ctx);
        routeMatchers(side.matchers(), ctx);
    }

    private void testAlert(Decl.TestAlert a, Ctx ctx) {
        if (a == null) {
            return;
        }
        refer(RefKind.ALERT, a.alert(), ctx);
        for (LabelPair p : a.labels()) {
            if (p.name() != null && p.name().text().equals(ALERTNAME)) {
                nameItem(RefKind.ALERT, p.value(), ctx);
            } else {
                value(p.value(), ctx);
            }
        }
    }

    // ------------------------------------------------------------ what lowering generates

    /** The alerts and recording rules an SLO generates: defined at the SLO's name, named by the compiler. */
    private void generated() {
        if (model == null) {
            return;
        }
        for (Service s : model.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    boolean written = Origin.isWritten(g.origin())
                            && !(r instanceof Rule.Alert a && !Origin.isWritten(a.origin()));
                    if (written || r.name() == null || r.span() == null || r.span().isNone()) {
                        continue;
                    }
                    SymbolKind kind = r instanceof Rule.Alert ? SymbolKind.ALERT : SymbolKind.RECORDING_RULE;
                    (kind == SymbolKind.ALERT ? alerts : recordings).add(r.name());
                    add(Symbol.global(kind, r.name()), new Found(Locate.place(r.span()), Form.GENERATED), Role.DEFINITION,
                            null);
                }
            }
        }
    }

    // ------------------------------------------------------------ resolution

    private void resolve(Pending p) {
        switch (p.kind()) {
            case CONSTANT -> {
                Symbol s = constant(p.name(), p.ctx().service());
                if (s != null) {
                    add(s, p.where(), Role.REFERENCE, p.via());
                }
            }
            case SERIES -> series(p);
            case ALERT -> known(alerts, SymbolKind.ALERT, p);
            case RECEIVER -> known(receivers, SymbolKind.RECEIVER, p);
            case TIME_INTERVAL -> known(intervals, SymbolKind.TIME_INTERVAL, p);
            case TEMPLATE -> known(templates, SymbolKind.TEMPLATE, p);
            case ALERT_OR_DASHBOARD -> {
                if (alerts.contains(p.name())) {
                    known(alerts, SymbolKind.ALERT, p);
                } else {
                    dashboardRef(p);
                }
            }
            case DASHBOARD -> dashboardRef(p);
            case PANEL -> {
                String service = dashboardRef(p);
                if (service != null && p.member() != null && p.memberWhere() != null
                        && panelsOf.getOrDefault(panelKey(service, p.name()), Set.of()).contains(p.member())) {
                    add(new Symbol(SymbolKind.PANEL, p.member(), service, p.name()), p.memberWhere(), Role.REFERENCE,
                            p.via());
                }
            }
            default -> {
            }
        }
    }

    private void known(Set<String> names, SymbolKind kind, Pending p) {
        if (names.contains(p.name())) {
            add(Symbol.global(kind, p.name()), p.where(), Role.REFERENCE, p.via());
        }
    }

    /**
     * A constant as the model builder resolves {@code $name}: the project's constant first, then the
     * service's own (a service constant of a project constant's name is a duplicate the compiler reports).
     */
    private Symbol constant(String name, String service) {
        if (globalConstants.containsKey(name)) {
            return Symbol.global(SymbolKind.CONSTANT, name);
        }
        if (service != null && serviceConstants.getOrDefault(service, Map.of()).containsKey(name)) {
            return new Symbol(SymbolKind.CONSTANT, name, service, null);
        }
        return null;
    }

    /**
     * A selector's series as label inference reads it: a recording rule of that name first, then a declared
     * metric, then the histogram or summary whose {@code _bucket}, {@code _count} or {@code _sum} it is.
     */
    private void series(Pending p) {
        String n = p.name();
        if (recordings.contains(n)) {
            add(Symbol.global(SymbolKind.RECORDING_RULE, n), p.where(), Role.REFERENCE, p.via());
            return;
        }
        if (metrics.containsKey(n)) {
            add(Symbol.global(SymbolKind.METRIC, n), p.where(), Role.REFERENCE, p.via());
            return;
        }
        for (String suffix : List.of("_bucket", "_count", "_sum")) {
            Decl.MetricDecl parent = n.endsWith(suffix) ? metrics.get(n.substring(0, n.length() - suffix.length())) : null;
            String type = parent == null || parent.type() == null ? "" : parent.type().text();
            if (type.equals("histogram") || type.equals("summary") && !suffix.equals("_bucket")) {
                Found where = p.where();
                add(Symbol.global(SymbolKind.METRIC, parent.name().text()), new Found(where.span(), Form.DERIVED),
                        Role.REFERENCE, p.via());
                return;
            }
        }
    }

    /**
     * The dashboard a name means where it is written, as {@code DashboardNames} resolves it: the service's
     * own first, else the one other service that has it. Returns that dashboard's service, or null.
     */
    private String dashboardRef(Pending p) {
        String from = p.ctx().service();
        String service = null;
        if (from != null && dashboardsOf.getOrDefault(from, Set.of()).contains(p.name())) {
            service = from;
        } else {
            List<String> having = servicesWithDashboard.getOrDefault(p.name(), List.of());
            if (having.size() == 1) {
                service = having.get(0);
            }
        }
        if (service != null) {
            add(new Symbol(SymbolKind.DASHBOARD, p.name(), service, null), p.where(), Role.REFERENCE, p.via());
        }
        return service;
    }
}
