package dev.vigil.compiler.parse;

import dev.vigil.compiler.ast.Comment;
import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Decl.AlertDecl;
import dev.vigil.compiler.ast.Decl.AlertProp;
import dev.vigil.compiler.ast.Decl.DashboardItem;
import dev.vigil.compiler.ast.Decl.InhibitSide;
import dev.vigil.compiler.ast.Decl.Panel;
import dev.vigil.compiler.ast.Decl.PanelOption;
import dev.vigil.compiler.ast.Decl.Route;
import dev.vigil.compiler.ast.Decl.RouteMatcher;
import dev.vigil.compiler.ast.Decl.RoutingItem;
import dev.vigil.compiler.ast.Decl.RuleDecl;
import dev.vigil.compiler.ast.Decl.RunbookItem;
import dev.vigil.compiler.ast.Decl.ServiceMember;
import dev.vigil.compiler.ast.Decl.SloProp;
import dev.vigil.compiler.ast.Decl.TestItem;
import dev.vigil.compiler.ast.Decl.VariableSource;
import dev.vigil.compiler.ast.DottedName;
import dev.vigil.compiler.ast.LabelPair;
import dev.vigil.compiler.ast.Name;
import dev.vigil.compiler.ast.Property;
import dev.vigil.compiler.ast.Scope;
import dev.vigil.compiler.ast.Struct;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.Strings;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import dev.vigil.grammar.VigilLexer;
import dev.vigil.grammar.VigilParser;
import dev.vigil.grammar.VigilParser.*;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns a (syntax-error-free) parse tree into immutable AST records. The only DSL class that sees ANTLR types. */
final class AstBuilder {
    private final SourceFile source;
    private final DiagnosticSink sink;
    private final PromqlTreeBuilder promql;
    private final Scope scope;
    private final TemplateRefs refs;
    /** Null when the file parsed without errors; otherwise what damaged declarations were left out, and where. */
    private final Tolerance tolerance;

    AstBuilder(SourceFile source, DiagnosticSink sink) {
        this(source, sink, Scope.NONE, null);
    }

    /** Builds with {@code scope}'s bindings: a template body or loop body, once per expansion. */
    private AstBuilder(SourceFile source, DiagnosticSink sink, Scope scope, Tolerance tolerance) {
        this.source = source;
        this.sink = sink;
        this.scope = scope;
        this.tolerance = tolerance;
        this.refs = new TemplateRefs(scope, sink);
        this.promql = new PromqlTreeBuilder(source, 0, 0, sink, refs);
    }

    VigilFile file(VigilFileContext ctx, CommonTokenStream tokens) {
        List<VigilFile.Import> imports = new ArrayList<>();
        List<Decl> decls = new ArrayList<>();
        chunk(ctx, imports, decls);
        return new VigilFile(source.path(), imports, decls, comments(tokens), span(ctx));
    }

    private void chunk(VigilFileContext ctx, List<VigilFile.Import> imports, List<Decl> decls) {
        for (ImportDeclContext i : ctx.importDecl()) {
            unit(i, imports, c -> new VigilFile.Import(string(c.STRING()), span(c)));
        }
        for (TopDeclContext t : ctx.topDecl()) {
            unit(t, decls, this::topDecl);
        }
        if (tolerance != null && tolerance.syntaxErrors()) {
            // What the parser skipped between declarations (`this is garbage {`) mentions names too.
            tolerance.strays(ctx, this);
        }
    }

    /**
     * Builds one declaration into {@code out}; after syntax errors, a declaration that is damaged
     * (or that the builder cannot complete) is left out and recorded instead, names and all.
     */
    private <C extends ParserRuleContext, T> void unit(C ctx, List<? super T> out, java.util.function.Function<C, T> build) {
        if (tolerance == null) {
            out.add(build.apply(ctx));
            return;
        }
        if (tolerance.syntaxErrors() && tolerance.damaged(ctx)) {
            tolerance.broken(ctx, this);
            return;
        }
        int errorsBefore = sink.errorCount();
        int claimedBefore = tolerance.claimed;
        T built;
        try {
            built = build.apply(ctx);
        } catch (RuntimeException incomplete) {
            if (!tolerance.syntaxErrors()) {
                throw incomplete;
            }
            built = null;
        }
        int errors = sink.errorCount() - errorsBefore;
        // An error in the declaration itself (not in one nested in it, which is left out on its own) may leave
        // it half-built: it is reported, and the declaration is not analysed further.
        if (built == null || errors > tolerance.claimed - claimedBefore) {
            tolerance.claimed = claimedBefore + errors;
            tolerance.broken(ctx, this);
            return;
        }
        out.add(built);
    }

    List<Comment> comments(CommonTokenStream tokens) {
        List<Comment> out = new ArrayList<>();
        for (Token t : tokens.getTokens()) {
            int type = t.getType();
            if (type == VigilLexer.LINE_COMMENT || type == VigilLexer.BLOCK_COMMENT || type == VigilLexer.HASH_COMMENT) {
                out.add(new Comment(t.getText(), span(t)));
            }
        }
        return out;
    }

    private Decl topDecl(TopDeclContext t) {
        if (t.constDecl() != null) {
            return constDecl(t.constDecl());
        }
        if (t.serviceDecl() != null) {
            return service(t.serviceDecl());
        }
        if (t.severitiesDecl() != null) {
            return new Decl.SeveritiesDecl(names(t.severitiesDecl().name()), span(t.severitiesDecl()));
        }
        if (t.settingsDecl() != null) {
            return new Decl.SettingsDecl(properties(t.settingsDecl().property()), span(t.settingsDecl()));
        }
        if (t.catalogueDecl() != null) {
            return new Decl.CatalogueDecl(properties(t.catalogueDecl().property()), span(t.catalogueDecl()));
        }
        if (t.kubernetesDecl() != null) {
            return kubernetes(t.kubernetesDecl());
        }
        if (t.checksDecl() != null) {
            List<Decl.CheckOverride> overrides = new ArrayList<>();
            for (CheckOverrideContext o : t.checksDecl().checkOverride()) {
                overrides.add(new Decl.CheckOverride(dotted(o.dottedName()), name(o.name()),
                        o.STRING() == null ? null : string(o.STRING()), span(o)));
            }
            return new Decl.ChecksDecl(overrides, span(t.checksDecl()));
        }
        if (t.alertWindowsDecl() != null) {
            return alertWindows(t.alertWindowsDecl());
        }
        if (t.templateDecl() != null) {
            return template(t.templateDecl());
        }
        return routing(t.routingDecl());
    }

    // ------------------------------------------------------------ templates

    private Decl.TemplateDecl template(TemplateDeclContext t) {
        if (t instanceof BlueprintDeclContext b) {
            List<ServiceMemberContext> body = b.serviceMember();
            return new Decl.TemplateDecl(name(b.name()), Decl.TemplateKind.BLUEPRINT, params(b.templateParams()),
                    body(Scope.NONE, builder -> builder.members(body)), span(t));
        }
        if (t instanceof RulesTemplateDeclContext r) {
            List<RuleDeclContext> body = r.ruleDecl();
            return new Decl.TemplateDecl(name(r.name()), Decl.TemplateKind.RULES, params(r.templateParams()),
                    body(Scope.NONE, builder -> builder.rules(body)), span(t));
        }
        PanelsTemplateDeclContext p = (PanelsTemplateDeclContext) t;
        List<DashboardItemContext> body = p.dashboardItem();
        return new Decl.TemplateDecl(name(p.name()), Decl.TemplateKind.PANELS, params(p.templateParams()),
                body(Scope.NONE, builder -> builder.dashboardItems(body)), span(t));
    }

    /** A body kept as its parse tree, built again for each expansion with that expansion's scope. */
    private Decl.Body body(Scope enclosing, java.util.function.Function<AstBuilder, List<?>> build) {
        SourceFile file = source;
        return new Decl.Body() {
            @Override
            public List<?> build(Scope bound, DiagnosticSink into) {
                return build.apply(new AstBuilder(file, into, bound, null));
            }

            @Override
            public Scope enclosing() {
                return enclosing;
            }
        };
    }

    private List<Decl.Param> params(TemplateParamsContext ctx) {
        List<Decl.Param> out = new ArrayList<>();
        for (TemplateParamContext p : ctx.templateParam()) {
            Name name = name(p.name(0));
            Decl.Argument dflt = p.argumentValue() == null ? null : argument(name, p.argumentValue(), span(p.argumentValue()));
            out.add(new Decl.Param(name, name(p.name(1)), dflt, span(p)));
        }
        return out;
    }

    private Decl.Use use(UseDeclContext u) {
        List<Decl.Argument> args = new ArrayList<>();
        for (ArgumentContext a : u.argument()) {
            args.add(argument(name(a.name()), a.argumentValue(), span(a)));
        }
        return new Decl.Use(name(u.name()), args, span(u));
    }

    private Decl.Argument argument(Name name, ArgumentValueContext v, Span span) {
        return v.value() != null ? new Decl.Argument(name, value(v.value()), null, span)
                : new Decl.Argument(name, null, expr(v.expr()), span);
    }

    private Decl.ForEach forEach(NameContext variable, ValueContext list, Span span,
            java.util.function.Function<AstBuilder, List<?>> build) {
        return new Decl.ForEach(name(variable), value(list), body(scope, build), span);
    }

    /** `"${service}_red.errors"`: a `dashboard.panel` (or plain) reference that a template builds as a string. */
    private DottedName builtDotted(TerminalNode string) {
        String text = string(string);
        Span at = span(string.getSymbol());
        int dot = text.indexOf('.');
        Name first = new Name(dot < 0 ? text : text.substring(0, dot), at);
        return new DottedName(first, dot < 0 ? null : new Name(text.substring(dot + 1), at), at);
    }

    /** A declaration's name: a bare name, or in templates a string that builds it (`"${service|pascal}Down"`). */
    private Name declName(NameContext bare, TerminalNode string) {
        return bare != null ? name(bare) : new Name(string(string), span(string.getSymbol()));
    }

    private Decl.ConstDecl constDecl(ConstDeclContext c) {
        return new Decl.ConstDecl(name(c.name()), value(c.value()), span(c));
    }

    // ------------------------------------------------------------ services

    private Decl.ServiceDecl service(ServiceDeclContext s) {
        return new Decl.ServiceDecl(name(s.name()), s.EXTEND() != null, members(s.serviceMember()), span(s));
    }

    private List<ServiceMember> members(List<ServiceMemberContext> ctxs) {
        List<ServiceMember> members = new ArrayList<>();
        for (ServiceMemberContext m : ctxs) {
            unit(m, members, this::member);
        }
        return members;
    }

    private ServiceMember member(ServiceMemberContext m) {
        if (m instanceof TeamMemberContext t) {
            return new Decl.TeamMember(value(t.value()), span(t));
        } else if (m instanceof LabelsMemberContext l) {
            return new Decl.LabelsMember(labels(l.labelBlock()), span(l));
        } else if (m instanceof LinksMemberContext l) {
            return new Decl.LinksMember(properties(l.property()), span(l));
        } else if (m instanceof KubernetesMemberContext k) {
            return kubernetes(k.kubernetesDecl());
        } else if (m instanceof ConstMemberContext c) {
            return constDecl(c.constDecl());
        } else if (m instanceof MetricMemberContext mm) {
            return metric(mm.metricDecl());
        } else if (m instanceof GroupMemberContext g) {
            return group(g.groupDecl());
        } else if (m instanceof SloMemberContext s) {
            return slo(s.sloDecl());
        } else if (m instanceof DashboardMemberContext d) {
            return dashboard(d.dashboardDecl());
        } else if (m instanceof UseMemberContext u) {
            return use(u.useDecl());
        } else if (m instanceof ForMemberContext f) {
            List<ServiceMemberContext> body = f.serviceMember();
            return forEach(f.name(), f.value(), span(f), builder -> builder.members(body));
        }
        return test(((TestMemberContext) m).testDecl());
    }

    private Decl.MetricDecl metric(MetricDeclContext m) {
        Value labels = null;
        List<Property> props = new ArrayList<>();
        for (MetricPropContext p : m.metricProp()) {
            if (p instanceof MetricLabelsContext l) {
                if (labels != null) {
                    repeated("labels", span(l));
                }
                labels = value(l.value());
            } else {
                props.add(property(((MetricPropertyContext) p).property()));
            }
        }
        Name metricName = new Name(promql.metricName(m.metricName()), span(m.metricName()));
        return new Decl.MetricDecl(metricName, name(m.name()), labels, props, span(m));
    }

    private Decl.GroupDecl group(GroupDeclContext g) {
        Value interval = null;
        Value limit = null;
        // `every` and `limit` are both optional, so match each value to the keyword before it.
        for (int i = 0; i < g.getChildCount() - 1; i++) {
            ParseTree child = g.getChild(i);
            if (child instanceof TerminalNode tn && g.getChild(i + 1) instanceof ValueContext v) {
                if (tn.getSymbol().getType() == VigilLexer.EVERY) {
                    interval = value(v);
                } else if (tn.getSymbol().getType() == VigilLexer.LIMIT) {
                    limit = value(v);
                }
            }
        }
        List<RuleDecl> rules = rules(g.ruleDecl());
        Name name = g.name() != null ? name(g.name()) : new Name(string(g.STRING()), span(g.STRING().getSymbol()));
        return new Decl.GroupDecl(name, interval, limit, rules, span(g));
    }

    private List<RuleDecl> rules(List<RuleDeclContext> ctxs) {
        List<RuleDecl> rules = new ArrayList<>();
        for (RuleDeclContext r : ctxs) {
            unit(r, rules, this::rule);
        }
        return rules;
    }

    private RuleDecl rule(RuleDeclContext r) {
        if (r.recordDecl() != null) {
            return record(r.recordDecl());
        } else if (r.alertDecl() != null) {
            return alert(r.alertDecl());
        } else if (r.useDecl() != null) {
            return use(r.useDecl());
        }
        List<RuleDeclContext> body = r.ruleDecl();
        return forEach(r.name(), r.value(), span(r), builder -> builder.rules(body));
    }

    private Decl.RecordDecl record(RecordDeclContext r) {
        Name n = r.metricName() != null ? new Name(promql.metricName(r.metricName()), span(r.metricName()))
                : new Name(string(r.STRING()), span(r.STRING().getSymbol()));
        List<LabelPair> labels = r.labelBlock() == null ? List.of() : labels(r.labelBlock());
        return new Decl.RecordDecl(n, labels, expr(r.expr()), span(r));
    }

    private AlertDecl alert(AlertDeclContext a) {
        List<AlertProp> props = new ArrayList<>();
        for (AlertPropContext p : a.alertProp()) {
            props.add(alertProp(p));
        }
        return new AlertDecl(declName(a.name(), a.STRING()), props, span(a));
    }

    private AlertProp alertProp(AlertPropContext p) {
        if (p instanceof WhenPropContext w) {
            return new Decl.When(expr(w.expr()), span(w));
        } else if (p instanceof ForPropContext f) {
            return new Decl.For(value(f.value()), span(f));
        } else if (p instanceof KeepFiringPropContext k) {
            return new Decl.KeepFiringFor(value(k.value()), span(k));
        } else if (p instanceof SeverityPropContext s) {
            return new Decl.SeverityProp(name(s.name()), span(s));
        } else if (p instanceof AlertLabelsPropContext l) {
            return new Decl.AlertLabels(labels(l.labelBlock()), span(l));
        } else if (p instanceof SummaryPropContext s) {
            return new Decl.Summary(value(s.value()), span(s));
        } else if (p instanceof DescriptionPropContext d) {
            return new Decl.Description(value(d.value()), span(d));
        } else if (p instanceof GuardPropContext g) {
            return new Decl.Guard(expr(g.expr()), span(g));
        } else if (p instanceof PanelPropContext pp) {
            if (pp.STRING() != null) {
                // `panel "${service}_red.errors"` in a template: the same dashboard.panel reference, built.
                return new Decl.PanelLink(builtDotted(pp.STRING()), span(pp));
            }
            return new Decl.PanelLink(dotted(pp.dottedName()), span(pp));
        } else if (p instanceof RunbookLinkPropContext rl) {
            return new Decl.RunbookLink(value(rl.value()), span(rl));
        } else if (p instanceof AlertAnnotationsPropContext an) {
            return new Decl.AlertAnnotations(labels(an.labelBlock()), span(an));
        } else if (p instanceof AliasesPropContext al) {
            return new Decl.Aliases(value(al.value()), span(al));
        }
        RunbookPropContext r = (RunbookPropContext) p;
        List<RunbookItem> items = new ArrayList<>();
        for (RunbookItemContext i : r.runbookItem()) {
            items.add(runbookItem(i));
        }
        return new Decl.Runbook(items, span(r));
    }

    private RunbookItem runbookItem(RunbookItemContext i) {
        if (i instanceof MeaningItemContext m) {
            return new Decl.Meaning(value(m.value()), span(m));
        } else if (i instanceof TriageItemContext t) {
            return new Decl.Triage(value(t.value()), span(t));
        } else if (i instanceof DiagnoseItemContext d) {
            return new Decl.Diagnose(value(d.value()), expr(d.expr()), span(d));
        } else if (i instanceof RemediateItemContext r) {
            return new Decl.Remediate(value(r.value(0)), r.value().size() > 1 ? value(r.value(1)) : null, span(r));
        } else if (i instanceof EscalateItemContext e) {
            return new Decl.Escalate(value(e.value()), span(e));
        }
        RelatedItemContext r = (RelatedItemContext) i;
        List<DottedName> refs = new ArrayList<>();
        for (RelatedRefContext ref : r.relatedRef()) {
            refs.add(ref.dottedName() != null ? dotted(ref.dottedName()) : builtDotted(ref.STRING()));
        }
        return new Decl.Related(refs, span(r));
    }

    // ------------------------------------------------------------ SLOs

    private Decl.AlertWindowsDecl alertWindows(AlertWindowsDeclContext a) {
        List<Decl.AlertWindowRow> rows = new ArrayList<>();
        for (AlertWindowRowContext r : a.alertWindowRow()) {
            rows.add(new Decl.AlertWindowRow(name(r.name(0)), value(r.value(0)), value(r.value(1)), name(r.name(1)),
                    value(r.value(2)), span(r)));
        }
        return new Decl.AlertWindowsDecl(name(a.name()), rows, span(a));
    }

    private Decl.SloDecl slo(SloDeclContext s) {
        List<SloProp> props = new ArrayList<>();
        for (SloPropContext p : s.sloProp()) {
            if (p instanceof ObjectivePropContext o) {
                props.add(new Decl.Objective(value(o.value()), span(o)));
            } else if (p instanceof WindowPropContext w) {
                props.add(new Decl.Window(value(w.value()), span(w)));
            } else if (p instanceof SloDescriptionPropContext d) {
                props.add(new Decl.SloDescription(value(d.value()), span(d)));
            } else if (p instanceof SloGroupingPropContext g) {
                List<Name> labels = new ArrayList<>();
                for (LabelNameContext l : g.labelName()) {
                    labels.add(new Name(promql.labelName(l), span(l)));
                }
                props.add(new Decl.SloGrouping(labels, span(g)));
            } else if (p instanceof SliProp_Context sli) {
                List<Decl.SliQuery> queries = new ArrayList<>();
                List<Property> settings = new ArrayList<>();
                for (SliPropContext sp : sli.sliProp()) {
                    if (sp instanceof SliQueryContext q) {
                        queries.add(new Decl.SliQuery(name(q.name()), expr(q.expr()), span(q)));
                    } else {
                        SliSettingContext st = (SliSettingContext) sp;
                        settings.add(new Property(name(st.name()), value(st.value()), span(st)));
                    }
                }
                props.add(new Decl.Sli(name(sli.name()), queries, settings, span(sli)));
            } else {
                props.add(new Decl.Alerting(properties(((AlertingPropContext) p).property()), span(p)));
            }
        }
        return new Decl.SloDecl(declName(s.name(), s.STRING()), props, span(s));
    }

    // ------------------------------------------------------------ dashboards

    private Decl.DashboardDecl dashboard(DashboardDeclContext d) {
        Value title = d.value() == null ? null : value(d.value());
        return new Decl.DashboardDecl(declName(d.name(), d.STRING()), title, dashboardItems(d.dashboardItem()), span(d));
    }

    private List<DashboardItem> dashboardItems(List<DashboardItemContext> ctxs) {
        List<DashboardItem> items = new ArrayList<>();
        for (DashboardItemContext i : ctxs) {
            unit(i, items, this::dashboardItem);
        }
        return items;
    }

    private DashboardItem dashboardItem(DashboardItemContext i) {
        if (i instanceof VariableItemContext v) {
            return variable(v);
        } else if (i instanceof RowItemContext r) {
            List<Panel> panels = new ArrayList<>();
            for (PanelDeclContext p : r.panelDecl()) {
                unit(p, panels, this::panel);
            }
            return new Decl.Row(value(r.value()), panels, span(r));
        } else if (i instanceof PanelItemContext p) {
            return panel(p.panelDecl());
        } else if (i instanceof UseItemContext u) {
            return use(u.useDecl());
        } else if (i instanceof ForItemContext f) {
            List<DashboardItemContext> body = f.dashboardItem();
            return forEach(f.name(), f.value(), span(f), builder -> builder.dashboardItems(body));
        } else if (i instanceof DashboardLinkItemContext l) {
            return new Decl.DashboardLink(value(l.value(0)), l.TO() != null, value(l.value(1)),
                    properties(l.property()), span(l));
        }
        DashboardPropertyContext p = (DashboardPropertyContext) i;
        return new Decl.DashboardProperty(property(p.property()), span(p));
    }

    private Decl.Variable variable(VariableItemContext v) {
        VariableSourceContext src = v.variableSource();
        VariableSource source;
        List<Property> options;
        if (src instanceof LabelValuesSourceContext lv) {
            Expr query = lv.expr() == null ? null : expr(lv.expr());
            source = new Decl.LabelValues(query, new Name(promql.labelName(lv.labelName()), span(lv.labelName())), span(lv));
            options = properties(lv.property());
        } else if (src instanceof CustomSourceContext c) {
            source = new Decl.CustomValues(value(c.value()), span(c));
            options = properties(c.property());
        } else {
            IntervalSourceContext iv = (IntervalSourceContext) src;
            source = new Decl.IntervalValues(value(iv.value()), span(iv));
            options = properties(iv.property());
        }
        return new Decl.Variable(name(v.name()), source, options, span(v));
    }

    private Panel panel(PanelDeclContext p) {
        List<PanelOption> options = new ArrayList<>();
        for (PanelOptionContext o : p.panelOption()) {
            if (o instanceof QueryOptionContext q) {
                options.add(new Decl.Query(expr(q.expr()), span(q)));
            } else if (o instanceof ThresholdsOptionContext t) {
                List<Decl.ThresholdStep> steps = new ArrayList<>();
                for (ThresholdContext s : t.threshold()) {
                    steps.add(new Decl.ThresholdStep(name(s.name()), value(s.value()), span(s)));
                }
                options.add(new Decl.Thresholds(steps, span(t)));
            } else if (o instanceof ThresholdsFromOptionContext f) {
                options.add(new Decl.ThresholdsFrom(declName(f.name(), f.STRING()), span(f)));
            } else if (o instanceof LinkOptionContext l) {
                options.add(new Decl.Link(value(l.value(0)), value(l.value(1)), span(l)));
            } else if (o instanceof StructOptionContext so) {
                options.add(new Decl.PanelStruct(new Name(so.IDENT().getText(), span(so.IDENT().getSymbol())),
                        struct(so.structObject()), span(so)));
            } else {
                PanelSettingContext s = (PanelSettingContext) o;
                options.add(new Decl.PanelSetting(new Property(name(s.name()), value(s.value()), span(s)), span(s)));
            }
        }
        return new Panel(name(p.name(0)), declName(p.name().size() > 1 ? p.name(1) : null, p.STRING()), value(p.value()),
                options, span(p));
    }

    // ------------------------------------------------------------ tests

    private Decl.TestDecl test(TestDeclContext t) {
        List<TestItem> items = new ArrayList<>();
        for (TestItemContext i : t.testItem()) {
            if (i instanceof IntervalItemContext iv) {
                items.add(new Decl.TestInterval(value(iv.value()), span(iv)));
            } else if (i instanceof SeriesItemContext s) {
                items.add(new Decl.Series(promql.vectorSelector(s.vectorSelector()), value(s.value()), span(s)));
            } else if (i instanceof ExpectAlertItemContext e) {
                List<LabelPair> labels = e.labelBlock() == null ? List.of() : labels(e.labelBlock());
                List<LabelPair> annotations = e.annotationBlock() == null
                        ? List.of() : labels(e.annotationBlock().labelBlock());
                Value alertValue = e.value().size() > 1 ? value(e.value(1)) : null;
                items.add(new Decl.ExpectAlert(value(e.value(0)), declName(e.name(), e.STRING()), labels, alertValue,
                        annotations, span(e)));
            } else if (i instanceof ExpectNoAlertItemContext n) {
                items.add(new Decl.ExpectNoAlert(value(n.value()), declName(n.name(), n.STRING()), span(n)));
            } else {
                ExpectValueItemContext v = (ExpectValueItemContext) i;
                List<Decl.Sample> samples = new ArrayList<>();
                for (SampleContext s : v.sample()) {
                    samples.add(new Decl.Sample(promql.vectorSelector(s.vectorSelector()), value(s.value()), span(s)));
                }
                items.add(new Decl.ExpectValue(value(v.value()), expr(v.expr()), samples, span(v)));
            }
        }
        return new Decl.TestDecl(value(t.value()), items, span(t));
    }

    // ------------------------------------------------------------ routing

    private Decl.RoutingDecl routing(RoutingDeclContext r) {
        List<RoutingItem> items = new ArrayList<>();
        for (RoutingItemContext i : r.routingItem()) {
            unit(i, items, this::routingItem);
        }
        return new Decl.RoutingDecl(items, span(r));
    }

    private RoutingItem routingItem(RoutingItemContext i) {
        if (i instanceof ReceiverItemContext rc) {
            return new Decl.Receiver(name(rc.name(0)), name(rc.name(1)), properties(rc.property()), span(rc));
        } else if (i instanceof RouteItemContext ri) {
            return new Decl.RouteItem(route(ri.routeSpec()), span(ri));
        } else if (i instanceof InhibitItemContext in) {
            List<Name> equal = new ArrayList<>();
            for (LabelNameContext l : in.labelName()) {
                equal.add(new Name(promql.labelName(l), span(l)));
            }
            return new Decl.Inhibit(inhibitSide(in.inhibitSide(0)), inhibitSide(in.inhibitSide(1)), equal, span(in));
        } else if (i instanceof TimeIntervalItemContext ti) {
            return new Decl.TimeInterval(name(ti.name()), properties(ti.property()), span(ti));
        }
        RoutingTestItemContext rt = (RoutingTestItemContext) i;
        List<Decl.RouteCase> cases = new ArrayList<>();
        for (RouteTestContext c : rt.routeTest()) {
            if (c instanceof InhibitionTestContext in) {
                cases.add(new Decl.RouteCase(testAlert(in.testAlert(0)), List.of(), testAlert(in.testAlert(1)),
                        in.NOT() == null, span(in)));
            } else {
                ReceiverTestContext rc = (ReceiverTestContext) c;
                cases.add(new Decl.RouteCase(testAlert(rc.testAlert()), names(rc.name()), null, false, span(rc)));
            }
        }
        return new Decl.RoutingTest(value(rt.value()), cases, span(rt));
    }

    private Decl.TestAlert testAlert(TestAlertContext a) {
        if (a instanceof NamedAlertContext n) {
            List<LabelPair> labels = n.labelBlock() == null ? List.of() : labels(n.labelBlock());
            return new Decl.TestAlert(name(n.name()), labels, span(n));
        }
        return new Decl.TestAlert(null, labels(((LabelledAlertContext) a).labelBlock()), span(a));
    }

    private Route route(RouteSpecContext r) {
        List<RouteMatcher> matchers = new ArrayList<>();
        for (RouteMatcherContext m : r.routeMatcher()) {
            matchers.add(routeMatcher(m));
        }
        List<Property> settings = new ArrayList<>();
        List<Route> children = new ArrayList<>();
        boolean cont = false;
        for (RouteSettingContext s : r.routeSetting()) {
            if (s instanceof ChildRouteContext c) {
                children.add(route(c.routeSpec()));
            } else if (s instanceof ContinueSettingContext) {
                cont = true;
            } else {
                settings.add(property(((RoutePropertyContext) s).property()));
            }
        }
        return new Route(r.DEFAULT() != null, matchers, name(r.name()), settings, children, cont, span(r));
    }

    private RouteMatcher routeMatcher(RouteMatcherContext m) {
        return new RouteMatcher(new Name(promql.labelName(m.labelName()), span(m.labelName())), m.op.getText(),
                value(m.value()), span(m));
    }

    private InhibitSide inhibitSide(InhibitSideContext s) {
        if (s instanceof InhibitAlertContext a) {
            return new InhibitSide(name(a.name()), List.of(), span(a));
        }
        List<RouteMatcher> matchers = new ArrayList<>();
        for (RouteMatcherContext m : ((InhibitMatchersContext) s).routeMatcher()) {
            matchers.add(routeMatcher(m));
        }
        return new InhibitSide(null, matchers, span(s));
    }

    // ------------------------------------------------------------ values

    private Value value(ValueContext v) {
        if (v instanceof StringValueContext s) {
            return new Value.StringValue(string(s.STRING()), span(s));
        } else if (v instanceof NumberValueContext n) {
            return number(n);
        } else if (v instanceof DurationValueContext d) {
            String text = d.DURATION().getText();
            long millis = 0;
            try {
                millis = Durations.parseMillis(text);
            } catch (IllegalArgumentException e) {
                sink.error(Ids.TYPE_INVALID_DURATION, span(d), e.getMessage() + ".",
                        "Write units from largest to smallest, each once, for example `1h30m`.");
            }
            return new Value.DurationValue(millis, text, span(d));
        } else if (v instanceof ConstRefValueContext c) {
            String ref = c.CONST_REF().getText().substring(1);
            Value bound = refs.value(ref, span(c));
            return bound != null ? bound : new Value.ConstRefValue(ref, span(c));
        } else if (v instanceof ListValueContext l) {
            List<Value> items = new ArrayList<>();
            for (ValueContext item : l.value()) {
                items.add(value(item));
            }
            return new Value.ListValue(items, span(l));
        }
        return new Value.NameValue(((NameValueContext) v).name().getText(), span(v));
    }

    private Struct.Obj struct(StructObjectContext o) {
        List<Struct.Member> members = new ArrayList<>();
        for (StructMemberContext m : o.structMember()) {
            String key = m.STRING() != null ? string(m.STRING()) : m.name().getText();
            Span keySpan = m.STRING() != null ? span(m.STRING().getSymbol()) : span(m.name());
            members.add(new Struct.Member(key, keySpan, struct(m.structValue())));
        }
        return new Struct.Obj(members, span(o));
    }

    private Struct struct(StructValueContext v) {
        if (v instanceof StructStringContext s) {
            return new Struct.Str(string(s.STRING()), span(s));
        } else if (v instanceof StructNumberContext n) {
            String digits = n.NUMBER().getText().toLowerCase(Locale.ROOT);
            BigDecimal value;
            if (digits.startsWith("0x")) {
                value = new BigDecimal(new BigInteger(digits.substring(2), 16));
            } else if (digits.equals("inf") || digits.equals("nan")) {
                // JSON has no Inf or NaN; Grafana's panel JSON writes neither.
                sink.error(Ids.TYPE_INVALID_NUMBER, span(n), "`" + n.getText() + "` is not a finite number.",
                        "JSON numbers are finite; leave the key out, or write `null`.");
                value = BigDecimal.ZERO;
            } else {
                value = new BigDecimal(digits);
            }
            return new Struct.Num(n.sign != null && n.sign.getType() == VigilLexer.SUB ? value.negate() : value, span(n));
        } else if (v instanceof StructObjectValueContext o) {
            return struct(o.structObject());
        } else if (v instanceof StructListContext l) {
            List<Struct> items = new ArrayList<>();
            for (StructValueContext item : l.structValue()) {
                items.add(struct(item));
            }
            return new Struct.Arr(items, span(l));
        }
        String word = ((StructWordContext) v).name().getText();
        return switch (word) {
            case "true" -> new Struct.Bool(true, span(v));
            case "false" -> new Struct.Bool(false, span(v));
            case "null" -> new Struct.Null(span(v));
            default -> new Struct.Word(word, span(v));
        };
    }

    private String string(TerminalNode token) {
        try {
            return refs.interpolate(Strings.unquote(token.getText()), span(token.getSymbol()));
        } catch (IllegalArgumentException e) {
            sink.error(Ids.SYNTAX_INVALID_STRING, span(token.getSymbol()), "This string is not valid: " + e.getMessage() + ".",
                    "Write a backslash as `\\\\`, or use a back-quoted string, which has no escapes.");
            return "";
        }
    }

    private Value number(NumberValueContext n) {
        String digits = n.NUMBER().getText();
        boolean negative = n.sign != null && n.sign.getType() == VigilLexer.SUB;
        String text = (n.sign != null ? n.sign.getText() : "") + digits + (n.MOD() != null ? "%" : "");
        BigDecimal value;
        String lower = digits.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            value = new BigDecimal(new BigInteger(lower.substring(2), 16));
        } else if (lower.equals("inf") || lower.equals("nan")) {
            sink.error(Ids.TYPE_INVALID_NUMBER, span(n), "`" + text + "` is not a finite number.",
                    "Values in Vigil declarations must be finite; `Inf` and `NaN` belong in PromQL only.");
            value = BigDecimal.ZERO;
        } else {
            value = new BigDecimal(digits);
        }
        if (negative) {
            value = value.negate();
        }
        if (n.MOD() != null) {
            // `99.9 %` with a space is a modulo, not a percentage; insist on the written form.
            Token num = n.NUMBER().getSymbol();
            Token pct = n.MOD().getSymbol();
            if (pct.getStartIndex() != num.getStopIndex() + 1) {
                sink.error(Ids.SYNTAX_DETACHED_PERCENT, span(pct),
                        "A percent sign must follow its number directly.", "Write `" + digits + "%`.");
            }
            return new Value.PercentValue(value, text, span(n));
        }
        return new Value.NumberValue(value, text, span(n));
    }

    private Decl.KubernetesDecl kubernetes(KubernetesDeclContext k) {
        List<Property> properties = new ArrayList<>();
        List<LabelPair> labels = new ArrayList<>();
        List<LabelPair> annotations = new ArrayList<>();
        for (KubernetesItemContext item : k.kubernetesItem()) {
            if (item instanceof KubernetesLabelsContext l) {
                labels.addAll(labels(l.labelBlock()));
            } else if (item instanceof KubernetesAnnotationsContext a) {
                annotations.addAll(labels(a.labelBlock()));
            } else {
                properties.add(property(((KubernetesPropertyContext) item).property()));
            }
        }
        return new Decl.KubernetesDecl(properties, labels, annotations, span(k));
    }

    private List<LabelPair> labels(LabelBlockContext block) {
        List<LabelPair> out = new ArrayList<>();
        for (LabelPairContext p : block.labelPair()) {
            out.add(new LabelPair(new Name(promql.labelName(p.labelName()), span(p.labelName())), value(p.value()), span(p)));
        }
        return out;
    }

    private List<Property> properties(List<PropertyContext> props) {
        List<Property> out = new ArrayList<>();
        for (PropertyContext p : props) {
            out.add(property(p));
        }
        return out;
    }

    private Property property(PropertyContext p) {
        return new Property(name(p.name()), value(p.value()), span(p));
    }

    private List<Name> names(List<NameContext> names) {
        List<Name> out = new ArrayList<>();
        for (NameContext n : names) {
            out.add(name(n));
        }
        return out;
    }

    private Name name(NameContext n) {
        return new Name(n.getText(), span(n));
    }

    private DottedName dotted(DottedNameContext d) {
        Name first = name(d.name(0));
        Name second = d.name().size() > 1 ? name(d.name(1)) : null;
        return new DottedName(first, second, span(d));
    }

    private Expr expr(ExprContext e) {
        return promql.expr(e);
    }

    private void repeated(String keyword, Span where) {
        sink.error(Ids.PROPERTY_REPEATED, where, "`" + keyword + "` is given more than once here.",
                "Keep one; otherwise it is unclear which one applies.");
    }

    Span span(ParserRuleContext ctx) {
        return promql.span(ctx);
    }

    Span span(Token t) {
        return promql.span(t);
    }

    /**
     * Parses one .vigil file and builds whatever is complete in it. Syntax errors are reported once
     * per damaged declaration: the parser's later complaints inside the same declaration are
     * consequences of the first.
     */
    static VigilSourceParser.Result parse(SourceFile source, DiagnosticSink sink) {
        VigilParsing.FileResult result = VigilParsing.parseFile(source, sink);
        boolean errors = result.hadSyntaxErrors();
        Set<ParserRuleContext> madeUp = Collections.newSetFromMap(new IdentityHashMap<>());
        result.chunks().forEach(c -> madeUp.addAll(c.madeUp()));
        Tolerance tolerance = new Tolerance(errors, result.invented(), madeUp);
        AstBuilder builder = new AstBuilder(source, sink, Scope.NONE, tolerance);
        List<VigilFile.Import> imports = new ArrayList<>();
        List<Decl> decls = new ArrayList<>();
        for (VigilParsing.Chunk chunk : result.chunks()) {
            if (chunk.tree() != null) {
                builder.chunk(chunk.tree(), imports, decls);
            } else {
                tolerance.refused(chunk.tokens(), builder);
            }
        }
        if (result.refused()) {
            tolerance.refused(result.tokens().getTokens(), builder);
        }
        if (errors) {
            sink.addAll(firstPerDeclaration(result, tolerance));
        }
        Span whole = builder.span(firstToken(result.tokens()));
        VigilFile file = new VigilFile(source.path(), imports, decls, builder.comments(result.tokens()), whole,
                tolerance.broken);
        return new VigilSourceParser.Result(file, errors);
    }

    /** The file's first token on the default channel, or its end: what a file's span has always been. */
    private static Token firstToken(CommonTokenStream tokens) {
        for (Token t : tokens.getTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return t;
            }
        }
        return tokens.get(tokens.size() - 1);
    }

    /**
     * The lexer's findings, then the parser's first complaint in each declaration it left out (the
     * innermost), none after a string that is not closed in the same chunk.
     */
    private static List<Diagnostic> firstPerDeclaration(VigilParsing.FileResult result,
            Tolerance tolerance) {
        List<Diagnostic> out = new ArrayList<>(result.lexical());
        Set<Object> seen = new HashSet<>();
        for (VigilParsing.Chunk chunk : result.chunks()) {
            Span unclosed = null;
            boolean reported = false;
            for (Diagnostic d : result.lexical()) {
                if (chunk.holds(d.span())) {
                    Span unit = tolerance.innermostBroken(d.span());
                    seen.add(unit.isNone() ? chunk : unit);
                    reported = true;
                    if (d.code().equals(Ids.SYNTAX_UNTERMINATED_STRING) && (unclosed == null || d.span().compareTo(unclosed) < 0)) {
                        unclosed = d.span();
                    }
                }
            }
            for (Diagnostic d : chunk.errors()) {
                if (unclosed != null && d.span().compareTo(unclosed) > 0) {
                    continue;
                }
                Span unit = tolerance.innermostBroken(d.span());
                // Outside every declaration left out (a stray `}`), a later complaint is the parser losing its place.
                if ((!unit.isNone() || !reported) && seen.add(unit.isNone() ? chunk : unit)) {
                    out.add(d);
                    reported = true;
                }
            }
        }
        return out;
    }
}
