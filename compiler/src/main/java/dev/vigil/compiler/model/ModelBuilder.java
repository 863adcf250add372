package dev.vigil.compiler.model;

import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.target.FeatureFlag;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.target.Version;
import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Decl.AlertDecl;
import dev.vigil.compiler.ast.Decl.AlertProp;
import dev.vigil.compiler.ast.Decl.ServiceDecl;
import dev.vigil.compiler.ast.Decl.ServiceMember;
import dev.vigil.compiler.ast.DottedName;
import dev.vigil.compiler.ast.LabelPair;
import dev.vigil.compiler.ast.Name;
import dev.vigil.compiler.ast.Property;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the semantic model from parsed files: merges each service's declarations across files,
 * reads every value into the type its slot expects, and resolves constants. Duplicate names and
 * references between declarations are left to the validators, which see the whole model.
 */
public final class ModelBuilder {
    private final DiagnosticSink sink;
    private final ConstantTypes constantTypes;
    /** What the build sets beside the sources (which then may not set them too). */
    private final OptionalLong buildScrapeInterval;
    private final Map<TargetVersions.Tool, Version> buildVersions;
    private final KubernetesMetadata.Metadata buildKubernetes;
    private final KubernetesMetadata.ResourcesByBuild buildResources;
    private SloReader sloReader;
    /** Each service's values in the scope of its constants, as {@code service} read them. */
    private final Map<String, ValueReader> serviceValues = new HashMap<>();

    private ModelBuilder(DiagnosticSink sink, OptionalLong buildScrapeInterval,
            Map<TargetVersions.Tool, Version> buildVersions, KubernetesMetadata.Metadata buildKubernetes,
            KubernetesMetadata.ResourcesByBuild buildResources) {
        this.sink = sink;
        this.buildScrapeInterval = buildScrapeInterval;
        this.buildVersions = buildVersions;
        this.buildKubernetes = buildKubernetes;
        this.buildResources = buildResources;
        this.constantTypes = new ConstantTypes(sink);
    }

    /** Files must come in a stable order (sorted by path) so that the model is deterministic. */
    public static Project build(List<VigilFile> files, DiagnosticSink sink) {
        return build(files, sink, OptionalLong.empty(), Map.of());
    }

    /** As {@link #build(List, DiagnosticSink)}, with the scrape interval and target versions the build tool sets. */
    public static Project build(List<VigilFile> files, DiagnosticSink sink, OptionalLong buildScrapeInterval,
            Map<TargetVersions.Tool, Version> buildVersions) {
        return build(files, sink, buildScrapeInterval, buildVersions, KubernetesMetadata.Metadata.EMPTY);
    }

    /** As above, with the Kubernetes metadata the build tool sets too. */
    public static Project build(List<VigilFile> files, DiagnosticSink sink, OptionalLong buildScrapeInterval,
            Map<TargetVersions.Tool, Version> buildVersions, KubernetesMetadata.Metadata buildKubernetes) {
        return build(files, sink, buildScrapeInterval, buildVersions, buildKubernetes,
                KubernetesMetadata.ResourcesByBuild.NONE);
    }

    /** As above, with the kinds of Kubernetes objects the build tool asks for too. */
    public static Project build(List<VigilFile> files, DiagnosticSink sink, OptionalLong buildScrapeInterval,
            Map<TargetVersions.Tool, Version> buildVersions, KubernetesMetadata.Metadata buildKubernetes,
            KubernetesMetadata.ResourcesByBuild buildResources) {
        return build(files, sink, buildScrapeInterval, buildVersions, buildKubernetes, buildResources, Optional.empty());
    }

    /** As above, with the catalogue's base URL the build tool sets too. */
    public static Project build(List<VigilFile> files, DiagnosticSink sink, OptionalLong buildScrapeInterval,
            Map<TargetVersions.Tool, Version> buildVersions, KubernetesMetadata.Metadata buildKubernetes,
            KubernetesMetadata.ResourcesByBuild buildResources, Optional<String> buildCatalogue) {
        ModelBuilder b = new ModelBuilder(sink, buildScrapeInterval, buildVersions, buildKubernetes, buildResources);
        b.buildCatalogue = buildCatalogue;
        return b.project(files);
    }

    private Optional<String> buildCatalogue = Optional.empty();

    private Project project(List<VigilFile> files) {
        List<Constant> globals = new ArrayList<>();
        List<Decl.SeveritiesDecl> severityDecls = new ArrayList<>();
        List<Decl.SettingsDecl> settingsDecls = new ArrayList<>();
        List<Decl.RoutingDecl> routingDecls = new ArrayList<>();
        List<Decl.AlertWindowsDecl> windowDecls = new ArrayList<>();
        List<Decl.KubernetesDecl> kubernetesDecls = new ArrayList<>();
        List<Decl.CatalogueDecl> catalogueDecls = new ArrayList<>();
        Map<String, List<ServiceDecl>> serviceDecls = new LinkedHashMap<>();
        for (VigilFile f : files) {
            for (Decl d : f.decls()) {
                if (d instanceof Decl.ConstDecl c) {
                    globals.add(constant(c, null));
                } else if (d instanceof Decl.SeveritiesDecl s) {
                    severityDecls.add(s);
                } else if (d instanceof Decl.SettingsDecl s) {
                    settingsDecls.add(s);
                } else if (d instanceof Decl.RoutingDecl r) {
                    routingDecls.add(r);
                } else if (d instanceof Decl.AlertWindowsDecl w) {
                    windowDecls.add(w);
                } else if (d instanceof Decl.KubernetesDecl k) {
                    kubernetesDecls.add(k);
                } else if (d instanceof Decl.CatalogueDecl c) {
                    catalogueDecls.add(c);
                } else if (d instanceof ServiceDecl s) {
                    serviceDecls.computeIfAbsent(s.name().text(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        Map<String, Constant> globalScope = firstByName(globals);
        SeverityOrder severities = severities(severityDecls);
        Project.Settings settings = settings(settingsDecls, new ValueReader(globalScope, sink));
        sloReader = new SloReader(sink, constantTypes, severities,
                SloReader.tables(windowDecls, new ValueReader(globalScope, sink), sink));

        List<Service> services = new ArrayList<>();
        for (Map.Entry<String, List<ServiceDecl>> e : serviceDecls.entrySet()) {
            services.add(service(e.getKey(), e.getValue(), globalScope));
        }
        Routing routing = routing(routingDecls, new ValueReader(globalScope, sink));
        KubernetesReader kubernetes = new KubernetesReader(sink);
        SortedMap<String, KubernetesMetadata.Metadata> byService = new TreeMap<>();
        for (Map.Entry<String, List<ServiceDecl>> e : serviceDecls.entrySet()) {
            List<Decl.KubernetesDecl> own = e.getValue().stream().flatMap(d -> d.members().stream())
                    .filter(m -> m instanceof Decl.KubernetesDecl).map(m -> (Decl.KubernetesDecl) m).toList();
            if (!own.isEmpty()) {
                byService.put(e.getKey(), kubernetes.read(own, serviceValues.get(e.getKey()), false));
            }
        }
        ValueReader projectValues = new ValueReader(globalScope, sink);
        settings = withKubernetes(settings, new KubernetesMetadata(kubernetes.read(kubernetesDecls, projectValues, true),
                byService, buildKubernetes, buildResources.over(kubernetes.resources(kubernetesDecls, projectValues))),
                catalogue(catalogueDecls, projectValues));
        return new Project(services, globals, severities, settings, routing, files);
    }

    private static Project.Settings withKubernetes(Project.Settings s, KubernetesMetadata kubernetes, Catalogue catalogue) {
        return new Project.Settings(s.scrapeIntervalMillis(), s.evaluationIntervalMillis(), s.prometheusUrl(), s.targets(),
                s.targetLabels(), s.testCoverage(), kubernetes, s.grafanaDatasource(), catalogue);
    }

    static final List<String> CATALOGUE = List.of("base_url", "title");

    /** The catalogue the sources (one {@code catalogue} block) or the build declare, or null for none. */
    private Catalogue catalogue(List<Decl.CatalogueDecl> decls, ValueReader values) {
        for (Decl.CatalogueDecl extra : decls.subList(Math.min(1, decls.size()), decls.size())) {
            sink.error(Ids.NAME_DUPLICATE, extra.span(), "The `catalogue` is declared more than once.",
                    "Keep one `catalogue { }` block; the first is at " + decls.get(0).span() + ".");
        }
        String baseUrl = buildCatalogue.orElse(null);
        String title = null;
        Span span = Span.NONE;
        if (!decls.isEmpty()) {
            Decl.CatalogueDecl d = decls.get(0);
            span = d.span();
            for (Property p : new PropertyReader(d.properties(), "catalogue", sink).all()) {
                switch (p.key().text()) {
                    case "base_url" -> {
                        if (buildCatalogue.isPresent()) {
                            setByBuildToo(p, "`" + buildCatalogue.get() + "`", "catalogue base URL");
                            continue;
                        }
                        baseUrl = values.string(p.value(), "base_url").orElse(null);
                        if (baseUrl != null) {
                            webLink(baseUrl, p.value().span(), "`base_url`");
                        }
                    }
                    case "title" -> title = values.string(p.value(), "title").orElse(null);
                    default -> unknownProperty(p, "catalogue", CATALOGUE);
                }
            }
            if (baseUrl == null && buildCatalogue.isEmpty()
                    && d.properties().stream().noneMatch(p -> p.key().text().equals("base_url"))) {
                sink.error(Ids.PROPERTY_MISSING, d.span(), "The `catalogue` has no `base_url`.",
                        "Add `base_url \"https://...\"`, where the site is published: every `runbook_url` points there.");
            }
        }
        return baseUrl == null ? null : new Catalogue(baseUrl, title, span);
    }

    private Constant constant(Decl.ConstDecl c, String service) {
        if (c.value() instanceof Value.ConstRefValue) {
            sink.error(Ids.TYPE_MISMATCH, c.value().span(),
                    "A constant's value must be a literal, not another constant.",
                    "Write the value itself; constants are substituted, not evaluated.");
        }
        return new Constant(c.name().text(), service, c.value(), c.name().span());
    }

    private static Map<String, Constant> firstByName(List<Constant> constants) {
        Map<String, Constant> out = new HashMap<>();
        for (Constant c : constants) {
            out.putIfAbsent(c.name(), c);
        }
        return out;
    }

    private SeverityOrder severities(List<Decl.SeveritiesDecl> decls) {
        if (decls.isEmpty()) {
            return SeverityOrder.DEFAULT;
        }
        for (Decl.SeveritiesDecl extra : decls.subList(1, decls.size())) {
            sink.error(Ids.NAME_DUPLICATE, extra.span(), "The severity order is declared more than once.",
                    "Keep one `severities` declaration; the first is at " + decls.get(0).span() + ".");
        }
        Decl.SeveritiesDecl d = decls.get(0);
        List<String> levels = new ArrayList<>();
        for (Name n : d.levels()) {
            if (levels.contains(n.text())) {
                sink.error(Ids.NAME_DUPLICATE, n.span(), "Severity `" + n.text() + "` appears twice in the order.", null);
            } else {
                levels.add(n.text());
            }
        }
        return new SeverityOrder(levels, d.span());
    }

    static final List<String> SETTINGS = List.of("scrape_interval", "evaluation_interval", "prometheus_url",
            "prometheus_version", "alertmanager_version", "grafana_version", "prometheus_features", "target_labels",
            "test_coverage", "test_coverage_kinds", "grafana_datasource");

    private static final java.util.regex.Pattern LABEL_NAME = java.util.regex.Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private Project.Settings settings(List<Decl.SettingsDecl> decls, ValueReader values) {
        long scrape = Project.Settings.DEFAULT.scrapeIntervalMillis();
        long evaluation = Project.Settings.DEFAULT.evaluationIntervalMillis();
        String prometheusUrl = null;
        Map<TargetVersions.Tool, Version> versions = new java.util.EnumMap<>(TargetVersions.Tool.class);
        Map<TargetVersions.Tool, Version> newest = new java.util.EnumMap<>(TargetVersions.Tool.class);
        Set<FeatureFlag> flags = java.util.EnumSet.noneOf(FeatureFlag.class);
        List<String> targetLabels = Project.Settings.SCRAPED_TARGET_LABELS;
        TestCoverage coverage = TestCoverage.NONE;
        String grafanaDatasource = null;
        for (Decl.SettingsDecl d : decls) {
            for (Property p : new PropertyReader(d.properties(), "settings", sink).all()) {
                Optional<TargetVersions.Tool> tool = TargetVersions.Tool.ofSetting(p.key().text());
                if (tool.isPresent()) {
                    List<Version> named = versions(p, tool.get(), values);
                    if (!named.isEmpty()) {
                        versions.put(tool.get(), java.util.Collections.min(named));
                        newest.put(tool.get(), java.util.Collections.max(named));
                    }
                    Version byBuild = buildVersions.get(tool.get());
                    if (byBuild != null) {
                        setByBuildToo(p, "`" + byBuild + "`", "target version");
                    }
                    continue;
                }
                switch (p.key().text()) {
                    case "scrape_interval" -> {
                        scrape = values.duration(p.value(), "scrape_interval").orElse(scrape);
                        if (buildScrapeInterval.isPresent()) {
                            setByBuildToo(p, "`" + Durations.format(buildScrapeInterval.getAsLong()) + "`",
                                    "scrape interval");
                        }
                    }
                    case "evaluation_interval" ->
                            evaluation = values.duration(p.value(), "evaluation_interval").orElse(evaluation);
                    case "prometheus_url" -> {
                        prometheusUrl = values.string(p.value(), "prometheus_url").orElse(null);
                        if (prometheusUrl != null) {
                            webLink(prometheusUrl, p.value().span(), "`prometheus_url`");
                        }
                    }
                    case "prometheus_features" -> flags.addAll(featureFlags(p, values));
                    case "target_labels" -> targetLabels = targetLabels(p, values);
                    case "test_coverage" -> coverage = testCoverage(p, values, coverage);
                    case "test_coverage_kinds" -> coverage = testCoverageKinds(p, values, coverage);
                    case "grafana_datasource" -> grafanaDatasource = DashboardReader.datasource(p, values, sink)
                            .orElse(grafanaDatasource);
                    default -> unknownProperty(p, "settings", SETTINGS);
                }
            }
        }
        // The build's versions win here only because the sources' ones were reported as a conflict.
        versions.putAll(buildVersions);
        buildVersions.keySet().forEach(newest::remove);
        TargetVersions oldest = TargetVersions.DEFAULT.with(versions);
        return new Project.Settings(buildScrapeInterval.orElse(scrape), evaluation, prometheusUrl,
                new TargetVersions(oldest.prometheus(), oldest.alertmanager(), oldest.grafana(), newest, flags),
                targetLabels, coverage, KubernetesMetadata.NONE,
                Dashboard.DATASOURCE_VARIABLE.equals(grafanaDatasource) ? null : grafanaDatasource);
    }

    /** {@code test_coverage strict}, {@code off} or a percentage of the coverage points, {@code 90%}. */
    private TestCoverage testCoverage(Property p, ValueReader values, TestCoverage so) {
        Optional<Value> v = values.resolve(p.value());
        if (v.isEmpty()) {
            return so;
        }
        if (v.get() instanceof Value.NameValue n && (n.name().equals("strict") || n.name().equals("off"))) {
            return new TestCoverage(n.name().equals("strict") ? BigDecimal.valueOf(100) : null, p.value().span(),
                    so.kinds(), so.kindsSpan());
        }
        if (v.get() instanceof Value.PercentValue pc) {
            if (pc.percent().signum() < 0 || pc.percent().compareTo(BigDecimal.valueOf(100)) > 0) {
                sink.error(Ids.TYPE_OUT_OF_RANGE, p.value().span(), "`test_coverage` must be a percentage from 0% to "
                        + "100%, but is `" + pc.text() + "`.", "`test_coverage strict` requires every point.");
                return so;
            }
            return new TestCoverage(pc.percent(), p.value().span(), so.kinds(), so.kindsSpan());
        }
        String hint = v.get() instanceof Value.NumberValue n ? "Write it as a percentage: `" + n.text() + "%`."
                : "Write `strict` (every point), a percentage such as `90%`, or `off`.";
        sink.error(Ids.TYPE_MISMATCH, p.value().span(), "`test_coverage` expects `strict`, `off` or a percentage such as "
                + "`90%`, but got " + v.get().kind() + ".", hint);
        return so;
    }

    /** {@code test_coverage_kinds [alerts, routes, inhibitions, recording_rules, slos]}: the kinds that count. */
    private TestCoverage testCoverageKinds(Property p, ValueReader values, TestCoverage so) {
        java.util.EnumSet<TestCoverage.Kind> kinds = java.util.EnumSet.noneOf(TestCoverage.Kind.class);
        List<String> known = java.util.Arrays.stream(TestCoverage.Kind.values()).map(TestCoverage.Kind::keyword).toList();
        for (ValueReader.Item item : values.items(p.value(), "test_coverage_kinds")) {
            Optional<TestCoverage.Kind> kind = TestCoverage.Kind.of(item.text());
            if (kind.isEmpty()) {
                String near = dev.vigil.compiler.diag.Suggest.closest(item.text(), known);
                sink.error(Ids.TYPE_UNKNOWN_KIND, item.span(), "`" + item.text() + "` is not a kind that test coverage "
                        + "counts.", near != null ? "Did you mean `" + near + "`?"
                                : "The kinds are " + known.stream().map(k -> "`" + k + "`")
                                        .collect(java.util.stream.Collectors.joining(", ")) + ".");
            } else if (!kinds.add(kind.get())) {
                sink.error(Ids.NAME_DUPLICATE, item.span(), "`" + item.text() + "` is listed twice in "
                        + "`test_coverage_kinds`.", "List each kind once.");
            }
        }
        return new TestCoverage(so.minimumPercent(), so.minimumSpan(), kinds, p.value().span());
    }

    /** The labels every scraped series carries: label names, each once; `[]` for none. */
    private List<String> targetLabels(Property p, ValueReader values) {
        List<String> out = new ArrayList<>();
        for (ValueReader.Item item : values.items(p.value(), "target_labels")) {
            if (!LABEL_NAME.matcher(item.text()).matches() || item.text().startsWith("__")) {
                sink.error(Ids.NAME_INVALID, item.span(), "`" + item.text() + "` is not a label name a target can attach.",
                        "Label names match `[a-zA-Z_][a-zA-Z0-9_]*` and do not start with `__`.");
            } else if (out.contains(item.text())) {
                sink.error(Ids.NAME_DUPLICATE, item.span(), "`" + item.text() + "` is listed twice in `target_labels`.",
                        "List each label once.");
            } else {
                out.add(item.text());
            }
        }
        return out;
    }

    /** The {@code --enable-feature} flags the target Prometheus runs with, as far as they change what rules may use. */
    private List<FeatureFlag> featureFlags(Property p, ValueReader values) {
        List<FeatureFlag> out = new ArrayList<>();
        List<String> known = java.util.Arrays.stream(FeatureFlag.values()).map(FeatureFlag::flag).toList();
        for (ValueReader.Item item : values.items(p.value(), "prometheus_features")) {
            Optional<FeatureFlag> flag = FeatureFlag.of(item.text());
            if (flag.isPresent()) {
                out.add(flag.get());
                continue;
            }
            String near = dev.vigil.compiler.diag.Suggest.closest(item.text(), known);
            if (near != null) {
                // A misspelt flag: the one meant is not enabled, so its PromQL would be refused.
                sink.error(Ids.TYPE_UNKNOWN_KIND, item.span(), "`" + item.text() + "` is not a Prometheus feature flag.",
                        "Did you mean `" + near + "`?");
            } else {
                // Another of the server's flags (`exemplar-storage`): harmless, and it changes nothing here.
                sink.warning(Ids.TYPE_UNKNOWN_KIND, item.span(), "Vigil ignores `" + item.text()
                        + "`: it is not a flag that changes what rules may use.", "Vigil reads "
                        + known.stream().map(k -> "`" + k + "`").collect(java.util.stream.Collectors.joining(", "))
                        + ".");
            }
        }
        return out;
    }

    private void setByBuildToo(Property p, String buildValue, String what) {
        sink.error(Ids.PROPERTY_CONFLICT, p.key().span(), "`" + p.key().text() + "` is set here and by the build ("
                + buildValue + ").", "Set it in one place: remove it here, or drop the build's " + what + ".");
    }

    /** A release: a string such as {@code "2.42"}, or the same written as a number. */
    /**
     * The releases a version setting names: one (a string such as {@code "2.42"}, or the same written
     * as a number), or a list of them for output that must load in several during a migration.
     */
    private List<Version> versions(Property p, TargetVersions.Tool tool, ValueReader values) {
        Optional<Value> v = values.resolve(p.value());
        if (v.isEmpty()) {
            return List.of();
        }
        List<Value> items = v.get() instanceof Value.ListValue l ? l.items() : List.of(v.get());
        List<Version> out = new ArrayList<>();
        for (Value item : items) {
            version(item, tool, values).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Version> version(Value v, TargetVersions.Tool tool, ValueReader values) {
        String text = v instanceof Value.NumberValue n ? n.text() : values.string(v, tool.setting()).orElse(null);
        if (text == null) {
            return Optional.empty();
        }
        Optional<Version> parsed = Version.parse(text);
        if (parsed.isEmpty()) {
            sink.error(Ids.TYPE_INVALID_VERSION, v.span(), "`" + text + "` is not a " + tool.product() + " version.",
                    "Write the release as major.minor, for example `\"" + tool.byDefault() + "\"`.");
            return Optional.empty();
        }
        Optional<String> refused = tool.refuse(parsed.get());
        if (refused.isPresent()) {
            sink.error(Ids.TYPE_OUT_OF_RANGE, v.span(), tool.product() + " " + parsed.get() + " is too old a target: "
                    + refused.get() + ".", "Target " + tool.product() + " " + tool.oldest() + " or newer.");
            return Optional.empty();
        }
        return parsed;
    }

    // ------------------------------------------------------------ services

    private Service service(String name, List<ServiceDecl> decls, Map<String, Constant> globals) {
        // Constants first: every other member may use them.
        List<Constant> constants = new ArrayList<>();
        for (ServiceDecl d : decls) {
            for (ServiceMember m : d.members()) {
                if (m instanceof Decl.ConstDecl c) {
                    constants.add(constant(c, name));
                }
            }
        }
        Map<String, Constant> scope = new HashMap<>(globals);
        for (Constant c : constants) {
            scope.putIfAbsent(c.name(), c);
        }
        ValueReader values = new ValueReader(scope, sink);
        // The service's `kubernetes` blocks, read after every service, see the same constants.
        serviceValues.put(name, values);
        ServiceDecl primary = decls.stream().filter(d -> !d.extension()).findFirst().orElse(null);
        // A second `service` block of the same name is reported by Name.Duplicate; merging it too would
        // only add follow-on errors.
        decls = decls.stream().filter(d -> d.extension() || d == primary).toList();
        if (primary == null) {
            ServiceDecl first = decls.get(0);
            sink.error(Ids.REFERENCE_UNKNOWN, first.name().span(),
                    "`extend service " + name + "` extends a service that is never declared.",
                    "Declare it once with `service " + name + " { ... }`.");
        }
        String team = null;
        SortedMap<String, String> labels = new TreeMap<>();
        SortedMap<String, String> links = new TreeMap<>();
        List<Metric> metrics = new ArrayList<>();
        List<RuleGroup> groups = new ArrayList<>();
        List<Slo> slos = new ArrayList<>();
        List<Dashboard> dashboards = new ArrayList<>();
        List<TestCase> tests = new ArrayList<>();
        List<LabelPair> serviceLabels = new ArrayList<>();
        for (ServiceDecl d : decls) {
            for (ServiceMember m : d.members()) {
                if (m instanceof Decl.TeamMember t) {
                    if (team != null) {
                        repeated("team", t.span());
                    }
                    team = values.string(t.value(), "team").orElse(team);
                } else if (m instanceof Decl.LabelsMember l) {
                    labels.putAll(labelMap(l.labels(), values, "labels"));
                    serviceLabels.addAll(l.labels());
                } else if (m instanceof Decl.LinksMember l) {
                    for (Property p : new PropertyReader(l.links(), "links", sink).all()) {
                        if (!LINK_KINDS.contains(p.key().text())) {
                            unknownProperty(p, "links", LINK_KINDS);
                            continue;
                        }
                        values.string(p.value(), p.key().text()).ifPresent(v -> {
                            webLink(v, p.value().span(), "`" + p.key().text() + "` in `links { }`");
                            links.put(p.key().text(), v);
                        });
                    }
                } else if (m instanceof Decl.MetricDecl md) {
                    metrics.add(metric(md, values));
                } else if (m instanceof Decl.GroupDecl g) {
                    groups.add(group(g, values, scope));
                } else if (m instanceof Decl.SloDecl s) {
                    slos.add(sloReader.slo(s, values, scope));
                } else if (m instanceof Decl.DashboardDecl db) {
                    dashboards.add(DashboardReader.read(name, db, values, constantTypes, scope, sink));
                } else if (m instanceof Decl.TestDecl t) {
                    tests.add(TestReader.read(t, values, constantTypes, scope, sink));
                }
            }
        }
        ownershipLabels(name, team, serviceLabels);
        Span span = (primary != null ? primary : decls.get(0)).name().span();
        return new Service(name, team, labels, links, constants, metrics, groups, slos, dashboards, tests, span);
    }

    /**
     * Every alert of a service carries {@code service} (its name) and {@code team}; a service label of
     * the same name would be a second, silently losing, source of the same label.
     */
    private void ownershipLabels(String service, String team, List<LabelPair> labels) {
        for (LabelPair p : labels) {
            if (p.name() == null) {
                continue;
            }
            if (p.name().text().equals("service")) {
                sink.error(Ids.PROPERTY_CONFLICT, p.name().span(), "The label `service` is the service's name, `"
                        + service + "`, on every alert.", "Remove it here; an alert that must carry another `service` "
                                + "value sets it in its own `labels { }`.");
            } else if (p.name().text().equals("team") && team != null) {
                sink.error(Ids.PROPERTY_CONFLICT, p.name().span(), "The label `team` is also set by `team \"" + team
                        + "\"`.", "Keep one: `team` sets the label on every alert of the service.");
            }
        }
    }

    /**
     * A link that runbooks, notifications or dashboards carry for people to click (Link.NotHttp, whose
     * check class covers the links kept in the model with their place).
     */
    private void webLink(String url, Span span, String what) {
        WebUrl.problem(url).ifPresent(problem -> sink.error(Ids.LINK_NOT_HTTP, span, "The link " + what
                + " is not a web address: it " + problem + ".", "Write an `https://` (or `http://`) URL with a host; "
                        + "runbooks, pages and dashboards link to it."));
    }

    static final List<String> LINK_KINDS = List.of("repo", "dashboards", "runbooks", "prometheus", "docs");

    private Metric metric(Decl.MetricDecl m, ValueReader values) {
        Optional<MetricType> type = MetricType.parse(m.type().text());
        if (type.isEmpty()) {
            sink.error(Ids.TYPE_UNKNOWN_KIND, m.type().span(), "`" + m.type().text() + "` is not a metric type.",
                    "Use one of `counter`, `gauge`, `histogram`, `summary` or `info`.");
        }
        List<String> labels = m.labels() == null ? List.of() : values.words(m.labels(), "labels");
        String unit = null;
        String help = null;
        List<BigDecimal> buckets = List.of();
        List<String> optional = List.of();
        for (Property p : new PropertyReader(m.properties(), "metric", sink).all()) {
            switch (p.key().text()) {
                case "unit" -> unit = values.string(p.value(), "unit").orElse(null);
                case "help" -> help = values.string(p.value(), "help").orElse(null);
                case "buckets" -> buckets = values.numbers(p.value(), "buckets");
                case "optional_labels" -> optional = values.words(p.value(), "optional_labels");
                default -> unknownProperty(p, "metric", List.of("labels", "optional_labels", "unit", "help", "buckets"));
            }
        }
        // A label in both lists is on some series only: the weaker claim is the safe one.
        Set<String> some = Set.copyOf(optional);
        List<String> every = labels.stream().filter(l -> !some.contains(l)).toList();
        return new Metric(m.name().text(), type.orElse(MetricType.GAUGE), every, optional, unit, help, buckets,
                m.span());
    }

    private RuleGroup group(Decl.GroupDecl g, ValueReader values, Map<String, Constant> scope) {
        long interval = g.interval() == null ? 0 : values.duration(g.interval(), "every").orElse(0L);
        Integer limit = g.limit() == null ? null : values.wholeNumber(g.limit(), "limit", 0).orElse(null);
        List<Rule> rules = new ArrayList<>();
        for (Decl.RuleDecl r : g.rules()) {
            if (r instanceof Decl.RecordDecl rec) {
                constantTypes.check(rec.expr(), scope);
                rules.add(new Rule.Recording(rec.name().text(), rec.expr(), labelMap(rec.labels(), values, "labels"),
                        rec.span()));
            } else {
                alert((AlertDecl) r, values, scope).ifPresent(rules::add);
            }
        }
        return new RuleGroup(g.name().text(), interval, limit, rules, g.name().span());
    }

    private Optional<Rule.Alert> alert(AlertDecl a, ValueReader values, Map<String, Constant> scope) {
        Map<String, AlertProp> seen = new HashMap<>();
        Expr expr = null;
        long forMillis = 0;
        long keepFiring = 0;
        Ref severity = null;
        SortedMap<String, String> labels = new TreeMap<>();
        String summary = null;
        String description = null;
        Expr guard = null;
        Ref panel = null;
        Rule.Runbook runbook = Rule.Runbook.EMPTY;
        String runbookUrl = null;
        SortedMap<String, String> extraAnnotations = new TreeMap<>();
        SortedMap<String, Span> valueSpans = new TreeMap<>();
        List<Rule.Alias> aliases = List.of();
        for (AlertProp p : a.properties()) {
            if (seen.putIfAbsent(p.keyword(), p) != null) {
                repeated(p.keyword(), p.span());
                continue;
            }
            if (p instanceof Decl.When w) {
                expr = w.expr();
                constantTypes.check(expr, scope);
            } else if (p instanceof Decl.For f) {
                forMillis = values.duration(f.value(), "for").orElse(0L);
            } else if (p instanceof Decl.KeepFiringFor k) {
                keepFiring = values.duration(k.value(), "keep_firing_for").orElse(0L);
                valueSpans.put(Rule.Alert.KEEP_FIRING_FOR, k.value().span());
            } else if (p instanceof Decl.SeverityProp s) {
                severity = Ref.of(Ref.Kind.SEVERITY, s.level().text(), s.level().span());
            } else if (p instanceof Decl.AlertLabels l) {
                labels.putAll(labelMap(l.labels(), values, "labels"));
            } else if (p instanceof Decl.Summary s) {
                summary = values.string(s.value(), "summary").orElse(null);
            } else if (p instanceof Decl.Description d) {
                description = values.string(d.value(), "description").orElse(null);
            } else if (p instanceof Decl.Guard g) {
                guard = g.expr();
                constantTypes.check(guard, scope);
            } else if (p instanceof Decl.PanelLink pl) {
                panel = panelRef(pl.panel());
            } else if (p instanceof Decl.Runbook rb) {
                runbook = runbook(rb, values, scope);
            } else if (p instanceof Decl.RunbookLink rl) {
                runbookUrl = values.string(rl.url(), "runbook").orElse(null);
                if (runbookUrl != null) {
                    webLink(runbookUrl, rl.url().span(), "`runbook`");
                }
            } else if (p instanceof Decl.AlertAnnotations an) {
                extraAnnotations = annotations(an, values);
            } else if (p instanceof Decl.Aliases al) {
                aliases = values.items(al.names(), "aliases").stream()
                        .map(i -> new Rule.Alias(i.text(), i.span())).toList();
            }
        }
        if (runbookUrl != null) {
            runbook = Rule.Runbook.external(runbookUrl);
        }
        runbook = runbook.withAliases(aliases);
        if (expr == null) {
            // Kept (with no expression) so references to it do not cascade; the model is not returned.
            sink.error(Ids.PROPERTY_MISSING, a.name().span(), "Alert `" + a.name().text() + "` has no `when` expression.",
                    "Add `when <PromQL condition>`.");
        }
        if (labels.containsKey("severity")) {
            sink.error(Ids.PROPERTY_CONFLICT, a.name().span(), "Alert `" + a.name().text()
                    + "` sets the `severity` label directly.", "Use `severity <level>`, which is checked against the declared order.");
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        if (summary != null) {
            annotations.put("summary", summary);
        }
        if (description != null) {
            annotations.put("description", description);
        }
        annotations.putAll(extraAnnotations);
        return Optional.of(new Rule.Alert(a.name().text(), expr, forMillis, keepFiring, severity, labels, annotations,
                guard, panel, runbook, Origin.WRITTEN, a.name().span(), valueSpans));
    }

    /** Annotations with a line of their own are set there, so each has one source. */
    static final List<String> OWN_LINE_ANNOTATIONS = List.of("summary", "description", "runbook_url");

    private SortedMap<String, String> annotations(Decl.AlertAnnotations an, ValueReader values) {
        List<LabelPair> pairs = new ArrayList<>();
        for (LabelPair p : an.annotations()) {
            if (p.name() != null && OWN_LINE_ANNOTATIONS.contains(p.name().text())) {
                String line = p.name().text().equals("runbook_url") ? "runbook" : p.name().text();
                sink.error(Ids.PROPERTY_CONFLICT, p.name().span(), "The annotation `" + p.name().text()
                        + "` has a line of its own.", "Write it as `" + line + " \"...\"` instead.");
            } else {
                pairs.add(p);
            }
        }
        return labelMap(pairs, values, "annotations");
    }

    private Rule.Runbook runbook(Decl.Runbook rb, ValueReader values, Map<String, Constant> scope) {
        String meaning = null;
        List<String> triage = new ArrayList<>();
        List<Rule.Diagnosis> diagnoses = new ArrayList<>();
        List<Rule.Remediation> remediations = new ArrayList<>();
        List<String> escalation = new ArrayList<>();
        List<Ref> related = new ArrayList<>();
        for (Decl.RunbookItem item : rb.items()) {
            if (item instanceof Decl.Meaning m) {
                if (meaning != null) {
                    repeated("meaning", m.span());
                }
                meaning = values.string(m.text(), "meaning").orElse(meaning);
            } else if (item instanceof Decl.Triage t) {
                values.string(t.text(), "triage").ifPresent(triage::add);
            } else if (item instanceof Decl.Diagnose d) {
                constantTypes.check(d.query(), scope);
                String title = values.string(d.title(), "diagnose").orElse("");
                diagnoses.add(new Rule.Diagnosis(title, d.query(), d.span()));
            } else if (item instanceof Decl.Remediate r) {
                String text = values.string(r.text(), "remediate").orElse("");
                String command = r.command() == null ? null : values.string(r.command(), "run").orElse(null);
                remediations.add(new Rule.Remediation(text, command, r.span()));
            } else if (item instanceof Decl.Escalate e) {
                values.string(e.text(), "escalate").ifPresent(escalation::add);
            } else if (item instanceof Decl.Related r) {
                for (DottedName ref : r.refs()) {
                    related.add(ref.isQualified() ? panelRef(ref)
                            : Ref.of(Ref.Kind.ALERT_OR_DASHBOARD, ref.first().text(), ref.span()));
                }
            }
        }
        return new Rule.Runbook(meaning, triage, diagnoses, remediations, escalation, related);
    }

    static Ref panelRef(DottedName d) {
        return d.isQualified()
                ? new Ref(Ref.Kind.PANEL, d.first().text(), d.second().text(), d.span())
                : Ref.of(Ref.Kind.DASHBOARD, d.first().text(), d.span());
    }

    // ------------------------------------------------------------ routing

    private Routing routing(List<Decl.RoutingDecl> decls, ValueReader values) {
        return RoutingReader.read(decls, values, sink);
    }

    // ------------------------------------------------------------ helpers

    /** A label's value as text: a string, a bare name or a number as written; empty for any other value. */
    static Optional<String> labelText(Value v) {
        if (v instanceof Value.StringValue s) {
            return Optional.of(s.value());
        } else if (v instanceof Value.NameValue n) {
            return Optional.of(n.name());
        } else if (v instanceof Value.NumberValue n) {
            return Optional.of(n.value().toPlainString());
        }
        return Optional.empty();
    }

    SortedMap<String, String> labelMap(List<LabelPair> pairs, ValueReader values, String slot) {
        return labelMap(pairs, values, slot, sink);
    }

    static SortedMap<String, String> labelMap(List<LabelPair> pairs, ValueReader values, String slot, DiagnosticSink sink) {
        SortedMap<String, String> out = new TreeMap<>();
        for (LabelPair p : pairs) {
            Optional<Value> v = values.resolve(p.value());
            if (v.isEmpty()) {
                continue;
            }
            Optional<String> text = labelText(v.get());
            if (text.isEmpty()) {
                sink.error(Ids.TYPE_MISMATCH, p.value().span(), "Label `" + p.name().text() + "` expects a string, but got "
                        + v.get().kind() + ".", null);
                continue;
            }
            if (out.put(p.name().text(), text.get()) != null) {
                sink.error(Ids.NAME_DUPLICATE, p.name().span(), "Label `" + p.name().text() + "` is set twice in these "
                        + slot + ".", null);
            }
        }
        return out;
    }

    private void repeated(String keyword, Span where) {
        sink.error(Ids.PROPERTY_REPEATED, where, "`" + keyword + "` is given more than once here.",
                "Keep one; otherwise it is unclear which one applies.");
    }

    private void unknownProperty(Property p, String block, List<String> known) {
        PropertyReader.unknown(p, block, known, sink);
    }

    static String quoteList(List<String> items) {
        List<String> quoted = items.stream().map(i -> "`" + i + "`").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
