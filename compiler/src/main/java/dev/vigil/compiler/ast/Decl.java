package dev.vigil.compiler.ast;

import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import java.util.List;

/** Declarations. Nested records keep each sealed family in one place. */
public sealed interface Decl {
    Span span();

    /** {@code const skew_threshold = 4}, at the top level or inside a service. */
    record ConstDecl(Name name, Value value, Span span) implements Decl, ServiceMember {
    }

    /** {@code severities critical > warning > info}: highest first. */
    record SeveritiesDecl(List<Name> levels, Span span) implements Decl {
        public SeveritiesDecl {
            levels = List.copyOf(levels);
        }
    }

    record SettingsDecl(List<Property> properties, Span span) implements Decl {
        public SettingsDecl {
            properties = List.copyOf(properties);
        }
    }

    /** {@code catalogue { base_url "https://..." }}: the generated site of alert pages, off unless declared. */
    record CatalogueDecl(List<Property> properties, Span span) implements Decl {
        public CatalogueDecl {
            properties = List.copyOf(properties);
        }
    }

    /**
     * {@code kubernetes { namespace "monitoring"  labels { ... }  annotations { ... } }}: metadata of the
     * Kubernetes objects Vigil writes, for the whole project at the top level or for one service inside it.
     */
    record KubernetesDecl(List<Property> properties, List<LabelPair> labels, List<LabelPair> annotations, Span span)
            implements Decl, ServiceMember {
        public KubernetesDecl {
            properties = List.copyOf(properties);
            labels = List.copyOf(labels);
            annotations = List.copyOf(annotations);
        }
    }

    /** {@code checks { Alert.ForTooShort error  Rate off }}: severity overrides by check id or family. */
    record ChecksDecl(List<CheckOverride> overrides, Span span) implements Decl {
        public ChecksDecl {
            overrides = List.copyOf(overrides);
        }
    }

    /** {@code ID LEVEL ["reason"]}; {@code reason} is null when none is written. */
    record CheckOverride(DottedName check, Name level, String reason, Span span) {
    }

    /** {@code service x { ... }}, or {@code extend service x { ... }} to add to it from another file. */
    record ServiceDecl(Name name, boolean extension, List<ServiceMember> members, Span span) implements Decl {
        public ServiceDecl {
            members = List.copyOf(members);
        }
    }

    record RoutingDecl(List<RoutingItem> items, Span span) implements Decl {
        public RoutingDecl {
            items = List.copyOf(items);
        }
    }

    /**
     * {@code blueprint red(job string, threshold number = 0.05) { ... }}, or {@code template rules|panels
     * name(...) { ... }}: a body written once and expanded, with its parameters bound, where it is used.
     */
    record TemplateDecl(Name name, TemplateKind kind, List<Param> params, Body body, Span span) implements Decl {
        public TemplateDecl {
            params = List.copyOf(params);
        }
    }

    /** What a template's body holds, which decides where it may be used. */
    enum TemplateKind {
        BLUEPRINT("blueprint", "service members", "a service"),
        RULES("template rules", "rules", "a group"),
        PANELS("template panels", "dashboard items", "a dashboard");

        private final String keyword;
        private final String holds;
        private final String usedIn;

        TemplateKind(String keyword, String holds, String usedIn) {
            this.keyword = keyword;
            this.holds = holds;
            this.usedIn = usedIn;
        }

        public String keyword() {
            return keyword;
        }

        /** "rules", for messages. */
        public String holds() {
            return holds;
        }

        /** "a group": where a use of it may stand. */
        public String usedIn() {
            return usedIn;
        }
    }

    /** {@code threshold number = 0.05}; {@code defaultValue} is null when the argument is required. */
    record Param(Name name, Name type, Argument defaultValue, Span span) {
    }

    /** {@code threshold = 0.02} in a use, or a parameter's default: a DSL value or a query, never both. */
    record Argument(Name name, Value value, Expr query, Span span) {
        /** Where the value itself is written. */
        public Span valueSpan() {
            return value != null ? value.span() : query.span();
        }
    }

    /**
     * The body of a template or {@code for} block, kept unbuilt so that each expansion builds it afresh
     * with its own bindings; its elements are the members, rules or dashboard items its kind holds.
     */
    interface Body {
        List<?> build(Scope scope, dev.vigil.compiler.diag.DiagnosticSink sink);

        /** The scope the body was written in: {@link Scope#NONE} for a template, the enclosing one for a loop. */
        Scope enclosing();
    }

    /** {@code use red(job = "api")}: in a service (a blueprint), a group (rules) or a dashboard (panels). */
    record Use(Name template, List<Argument> arguments, Span span) implements ServiceMember, RuleDecl, DashboardItem {
        public Use {
            arguments = List.copyOf(arguments);
        }

        public Name name() {
            return template;
        }
    }

    /** {@code for queue in $queues { ... }}: the body once per element, with {@code $queue} bound to it. */
    record ForEach(Name variable, Value list, Body body, Span span) implements ServiceMember, RuleDecl, DashboardItem {
        public Name name() {
            return variable;
        }
    }

    /** Members of a service block. */
    sealed interface ServiceMember {
        Span span();
    }

    record TeamMember(Value value, Span span) implements ServiceMember {
    }

    record LabelsMember(List<LabelPair> labels, Span span) implements ServiceMember {
        public LabelsMember {
            labels = List.copyOf(labels);
        }
    }

    record LinksMember(List<Property> links, Span span) implements ServiceMember {
        public LinksMember {
            links = List.copyOf(links);
        }
    }

    /** {@code metric name type { labels [...] unit "..." help "..." }}. */
    record MetricDecl(Name name, Name type, Value labels, List<Property> properties, Span span) implements ServiceMember {
        public MetricDecl {
            properties = List.copyOf(properties);
        }
    }

    record GroupDecl(Name name, Value interval, Value limit, List<RuleDecl> rules, Span span) implements ServiceMember {
        public GroupDecl {
            rules = List.copyOf(rules);
        }
    }

    sealed interface RuleDecl {
        Name name();

        Span span();
    }

    record RecordDecl(Name name, List<LabelPair> labels, Expr expr, Span span) implements RuleDecl {
        public RecordDecl {
            labels = List.copyOf(labels);
        }
    }

    record AlertDecl(Name name, List<AlertProp> properties, Span span) implements RuleDecl {
        public AlertDecl {
            properties = List.copyOf(properties);
        }
    }

    /** One line of an alert block; the model builder checks which appear and how often. */
    sealed interface AlertProp {
        Span span();

        /** The keyword that introduced it, for messages about repeats. */
        String keyword();
    }

    record When(Expr expr, Span span) implements AlertProp {
        public String keyword() {
            return "when";
        }
    }

    record For(Value value, Span span) implements AlertProp {
        public String keyword() {
            return "for";
        }
    }

    record KeepFiringFor(Value value, Span span) implements AlertProp {
        public String keyword() {
            return "keep_firing_for";
        }
    }

    record SeverityProp(Name level, Span span) implements AlertProp {
        public String keyword() {
            return "severity";
        }
    }

    record AlertLabels(List<LabelPair> labels, Span span) implements AlertProp {
        public AlertLabels {
            labels = List.copyOf(labels);
        }

        public String keyword() {
            return "labels";
        }
    }

    record Summary(Value value, Span span) implements AlertProp {
        public String keyword() {
            return "summary";
        }
    }

    record Description(Value value, Span span) implements AlertProp {
        public String keyword() {
            return "description";
        }
    }

    /** {@code guard sum(rate(x[5m]))}: the alert only fires while this traffic expression is above its threshold. */
    record Guard(Expr expr, Span span) implements AlertProp {
        public String keyword() {
            return "guard";
        }
    }

    record PanelLink(DottedName panel, Span span) implements AlertProp {
        public String keyword() {
            return "panel";
        }
    }

    record Runbook(List<RunbookItem> items, Span span) implements AlertProp {
        public Runbook {
            items = List.copyOf(items);
        }

        public String keyword() {
            return "runbook";
        }
    }

    /** {@code runbook "https://..."}: a link to a runbook kept elsewhere, written as the {@code runbook_url} annotation. */
    record RunbookLink(Value url, Span span) implements AlertProp {
        public String keyword() {
            return "runbook";
        }
    }

    /** {@code aliases ["OldName"]}: names the alert had before, whose catalogue pages redirect to its own. */
    record Aliases(Value names, Span span) implements AlertProp {
        public String keyword() {
            return "aliases";
        }
    }

    /** {@code annotations { dashboard = "..." }}: annotations beyond those with a line of their own. */
    record AlertAnnotations(List<LabelPair> annotations, Span span) implements AlertProp {
        public AlertAnnotations {
            annotations = List.copyOf(annotations);
        }

        public String keyword() {
            return "annotations";
        }
    }

    sealed interface RunbookItem {
        Span span();
    }

    record Meaning(Value text, Span span) implements RunbookItem {
    }

    record Triage(Value text, Span span) implements RunbookItem {
    }

    record Diagnose(Value title, Expr query, Span span) implements RunbookItem {
    }

    record Remediate(Value text, Value command, Span span) implements RunbookItem {
    }

    record Escalate(Value text, Span span) implements RunbookItem {
    }

    record Related(List<DottedName> refs, Span span) implements RunbookItem {
        public Related {
            refs = List.copyOf(refs);
        }
    }

    /** {@code slo availability { objective 99.9% window 30d sli events { errors = ... total = ... } }}. */
    record SloDecl(Name name, List<SloProp> properties, Span span) implements ServiceMember {
        public SloDecl {
            properties = List.copyOf(properties);
        }
    }

    /**
     * {@code alert_windows name { page 1h 5m budget 2% ... }}: a project's burn-rate alert windows.
     * Each row is a tier, a long and a short window, and {@code budget <percent>} or {@code factor <n>}.
     */
    record AlertWindowsDecl(Name name, List<AlertWindowRow> rows, Span span) implements Decl {
        public AlertWindowsDecl {
            rows = List.copyOf(rows);
        }
    }

    record AlertWindowRow(Name tier, Value longWindow, Value shortWindow, Name measure, Value amount, Span span) {
    }

    sealed interface SloProp {
        Span span();
    }

    record Objective(Value value, Span span) implements SloProp {
    }

    record Window(Value value, Span span) implements SloProp {
    }

    record SloDescription(Value value, Span span) implements SloProp {
    }

    record SloGrouping(List<Name> labels, Span span) implements SloProp {
        public SloGrouping {
            labels = List.copyOf(labels);
        }
    }

    /** {@code sli events { errors = <expr> total = <expr> }}: the kind, then queries and settings. */
    record Sli(Name kind, List<SliQuery> queries, List<Property> settings, Span span) implements SloProp {
        public Sli {
            queries = List.copyOf(queries);
            settings = List.copyOf(settings);
        }
    }

    record SliQuery(Name key, Expr expr, Span span) {
    }

    record Alerting(List<Property> properties, Span span) implements SloProp {
        public Alerting {
            properties = List.copyOf(properties);
        }
    }

    record DashboardDecl(Name name, Value title, List<DashboardItem> items, Span span) implements ServiceMember {
        public DashboardDecl {
            items = List.copyOf(items);
        }
    }

    sealed interface DashboardItem {
        Span span();
    }

    record DashboardProperty(Property property, Span span) implements DashboardItem {
    }

    /**
     * {@code link "title" URL}, or with {@code to} ({@code to} is true) {@code link "title" to DASHBOARD} or
     * {@code to [tags]}; {@code options} are the settings in its braces.
     */
    record DashboardLink(Value title, boolean to, Value target, List<Property> options, Span span)
            implements DashboardItem {
        public DashboardLink {
            options = List.copyOf(options);
        }
    }

    record Variable(Name name, VariableSource source, List<Property> options, Span span) implements DashboardItem {
        public Variable {
            options = List.copyOf(options);
        }
    }

    sealed interface VariableSource {
        Span span();
    }

    /** {@code label_values(metric, label)}: Grafana's query variable for Prometheus. */
    record LabelValues(Expr query, Name label, Span span) implements VariableSource {
    }

    record CustomValues(Value values, Span span) implements VariableSource {
    }

    record IntervalValues(Value values, Span span) implements VariableSource {
    }

    record Row(Value title, List<Panel> panels, Span span) implements DashboardItem {
        public Row {
            panels = List.copyOf(panels);
        }
    }

    record Panel(Name type, Name name, Value title, List<PanelOption> options, Span span) implements DashboardItem {
        public Panel {
            options = List.copyOf(options);
        }
    }

    sealed interface PanelOption {
        Span span();
    }

    record Query(Expr expr, Span span) implements PanelOption {
    }

    record Thresholds(List<ThresholdStep> steps, Span span) implements PanelOption {
        public Thresholds {
            steps = List.copyOf(steps);
        }
    }

    record ThresholdStep(Name color, Value value, Span span) {
    }

    /** {@code thresholds from SomeAlert}: the panel draws that alert's threshold. */
    record ThresholdsFrom(Name alert, Span span) implements PanelOption {
    }

    record Link(Value title, Value url, Span span) implements PanelOption {
    }

    record PanelSetting(Property property, Span span) implements PanelOption {
    }

    /** {@code options { ... }} or {@code field_config { ... }}: Grafana's panel JSON, for what the language does not model. */
    record PanelStruct(Name key, Struct.Obj value, Span span) implements PanelOption {
    }

    /** {@code test "name" { every 1m series ... at 20m expect ... }}: compiled to promtool unit tests. */
    record TestDecl(Value name, List<TestItem> items, Span span) implements ServiceMember {
        public TestDecl {
            items = List.copyOf(items);
        }
    }

    sealed interface TestItem {
        Span span();
    }

    record TestInterval(Value interval, Span span) implements TestItem {
    }

    /** Input series in promtool's notation: {@code "0+10x20"}, {@code "_"}, {@code "stale"}. */
    record Series(VectorSelector selector, Value values, Span span) implements TestItem {
    }

    /** {@code value} is the alert's query value at that time, needed to render `$value` in annotations; may be null. */
    record ExpectAlert(Value at, Name alert, List<LabelPair> labels, Value value, List<LabelPair> annotations, Span span)
            implements TestItem {
        public ExpectAlert {
            labels = List.copyOf(labels);
            annotations = List.copyOf(annotations);
        }
    }

    record ExpectNoAlert(Value at, Name alert, Span span) implements TestItem {
    }

    record ExpectValue(Value at, Expr expr, List<Sample> samples, Span span) implements TestItem {
        public ExpectValue {
            samples = List.copyOf(samples);
        }
    }

    record Sample(VectorSelector labels, Value value, Span span) {
    }

    sealed interface RoutingItem {
        Span span();
    }

    /** {@code receiver name type { key value ... }}. */
    record Receiver(Name name, Name type, List<Property> properties, Span span) implements RoutingItem {
        public Receiver {
            properties = List.copyOf(properties);
        }
    }

    record RouteItem(Route route, Span span) implements RoutingItem {
    }

    /** A route: matchers (empty for {@code default}), a receiver, settings and child routes. */
    record Route(boolean isDefault, List<RouteMatcher> matchers, Name receiver, List<Property> settings,
            List<Route> children, boolean continueMatching, Span span) {
        public Route {
            matchers = List.copyOf(matchers);
            settings = List.copyOf(settings);
            children = List.copyOf(children);
        }
    }

    /** {@code severity >= critical} or {@code team = "platform"}; ordering operators apply to severities. */
    record RouteMatcher(Name label, String op, Value value, Span span) {
    }

    /** {@code inhibit Target while Source on [labels]}: each side an alert name or matchers. */
    record Inhibit(InhibitSide target, InhibitSide source, List<Name> equal, Span span) implements RoutingItem {
        public Inhibit {
            equal = List.copyOf(equal);
        }
    }

    record InhibitSide(Name alert, List<RouteMatcher> matchers, Span span) {
        public InhibitSide {
            matchers = List.copyOf(matchers);
        }
    }

    record TimeInterval(Name name, List<Property> properties, Span span) implements RoutingItem {
        public TimeInterval {
            properties = List.copyOf(properties);
        }
    }

    record RoutingTest(Value name, List<RouteCase> cases, Span span) implements RoutingItem {
        public RoutingTest {
            cases = List.copyOf(cases);
        }
    }

    /**
     * A routing test case: {@code alert} reaches exactly {@code receivers}; or, when {@code source} is
     * given ({@code alert while source}), it is inhibited ({@code inhibited}) or not while the source fires.
     */
    record RouteCase(TestAlert alert, List<Name> receivers, TestAlert source, boolean inhibited, Span span) {
        public RouteCase {
            receivers = List.copyOf(receivers);
        }
    }

    /** An alert of a routing test: {@code {labels}}, or {@code alert Name {labels}} (null {@code alert} for the first). */
    record TestAlert(Name alert, List<LabelPair> labels, Span span) {
        public TestAlert {
            labels = List.copyOf(labels);
        }
    }
}
