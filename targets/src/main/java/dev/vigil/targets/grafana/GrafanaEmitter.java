package dev.vigil.targets.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.DashboardNames;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.KubernetesMetadata;
import dev.vigil.compiler.model.Project;
import dev.vigil.targets.kubernetes.KubernetesObject;
import dev.vigil.targets.kubernetes.ObjectMeta;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputManifest;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Grafana dashboards: {@code grafana/dashboards/<uid>.json} for each dashboard, a file provider
 * {@code grafana/provisioning/dashboards.yml} that loads that folder, and for Kubernetes a ConfigMap
 * per dashboard, {@code kubernetes/grafana-dashboard-<uid>.yaml}, labelled for Grafana's sidecar.
 */
public final class GrafanaEmitter implements Emitter {
    public static final String DASHBOARDS = "grafana/dashboards/";
    public static final String PROVISIONING = "grafana/provisioning/dashboards.yml";
    public static final String KUBERNETES = "kubernetes/grafana-dashboard-";
    /** With {@code dashboards GrafanaDashboard}: grafana-operator resources instead of the ConfigMaps. */
    public static final String GRAFANA_DASHBOARD = "kubernetes/grafanadashboard-";
    /** Where the provider expects {@code grafana/dashboards} to be mounted in Grafana's container. */
    public static final String CONTAINER_PATH = "/var/lib/grafana/dashboards/vigil";

    /**
     * Sorted properties, plain numbers, {@code \n} line ends and two-space indents: the same bytes on
     * every machine and Jackson version.
     */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // Numbers keep their scale in a tree too (0.50 stays 0.50), as the records write them.
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();
    private static final ObjectWriter JSON = MAPPER.writer(prettyPrinter());

    /** A part of the dashboard as JSON, as {@link #json} would write it, for merging the author's panel JSON in. */
    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    @Override
    public String name() {
        return "grafana";
    }

    @Override
    public void emit(Project project, EmitSettings settings, OutputManifest out) {
        List<Rendered> dashboards = render(project);
        for (Rendered r : dashboards) {
            out.writeText(DASHBOARDS + Links.segment(r.dashboard().uid()) + ".json", r.json());
            out.writeObject(configMap(project, r));
        }
        if (!dashboards.isEmpty()) {
            out.writeText(PROVISIONING, provisioning());
        }
    }

    /** A dashboard of a service and its JSON text. */
    private record Rendered(Service service, Dashboard dashboard, String json) {
    }

    private static List<Rendered> render(Project project) {
        Map<String, Map<String, Constant>> scopes = new HashMap<>();
        Map<String, DashboardBuilder.LocatedAlert> alerts = new HashMap<>();
        for (Service s : project.services()) {
            Map<String, Constant> scope = dev.vigil.compiler.model.Queries.scope(project, s);
            scopes.put(s.name(), scope);
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a) {
                        alerts.putIfAbsent(a.name(), new DashboardBuilder.LocatedAlert(a, s.name(), scope));
                    }
                }
            }
        }
        DashboardBuilder.Context context = DashboardBuilder.Context.of(alerts,
                DashboardNames.of(project.services()),
                project.settings().grafanaDatasource(), project.severities());
        List<Rendered> out = new ArrayList<>();
        for (Service s : project.services()) {
            for (Dashboard d : s.dashboards()) {
                GrafanaJson.Dashboard json = new DashboardBuilder(s, d, scopes.get(s.name()), context).build();
                out.add(new Rendered(s, d, json(json)));
            }
        }
        return out;
    }

    /** The ConfigMap (or GrafanaDashboard) of every dashboard. */
    public static List<KubernetesObject> objects(Project project) {
        return render(project).stream().map(r -> configMap(project, r)).toList();
    }

    /**
     * The dashboard's object. The language has no dashboard folders, so a service's dashboards share a
     * folder named after the service, in the sidecar's folder annotation or the operator's {@code folder}.
     */
    private static KubernetesObject configMap(Project project, Rendered r) {
        KubernetesMetadata k = project.settings().kubernetes();
        KubernetesMetadata.Resolved metadata = k.forService(r.service().name());
        String owner = "dashboard `" + r.dashboard().name() + "` of service `" + r.service().name() + "`";
        if (k.resources().grafanaOperator()) {
            Map<String, Object> doc = grafanaDashboard(r.dashboard().uid(), r.json(), r.service().name(), metadata,
                    k.resources().instanceSelector());
            return new KubernetesObject(GRAFANA_DASHBOARD + Links.segment(r.dashboard().uid()) + ".yaml", doc,
                    () -> "# Generated by Vigil.\n" + yaml().dump(doc), owner, r.dashboard().span());
        }
        Map<String, Object> doc = configMap(r.dashboard().uid(), r.json(), metadata,
                Map.of(k.resources().folderAnnotation(), r.service().name()));
        return new KubernetesObject(KUBERNETES + Links.segment(r.dashboard().uid()) + ".yaml", doc,
                () -> "# Generated by Vigil.\n" + yaml().dump(doc), owner, r.dashboard().span());
    }

    /** A grafana-operator GrafanaDashboard with the JSON inline, for the Grafana instances the selector picks. */
    static Map<String, Object> grafanaDashboard(String uid, String json, String folder,
            KubernetesMetadata.Resolved metadata, Map<String, String> instanceSelector) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("instanceSelector", Map.of("matchLabels", new java.util.TreeMap<>(instanceSelector)));
        spec.put("folder", folder);
        spec.put("json", json);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("apiVersion", "grafana.integreatly.org/v1beta1");
        root.put("kind", "GrafanaDashboard");
        root.put("metadata", ObjectMeta.of(configMapName(uid), metadata, Map.of()));
        root.put("spec", spec);
        return root;
    }

    /** The dashboard's JSON text, ending in a newline. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            // Unreachable: the dashboard model is records, lists, strings and numbers, which always serialise.
            throw new UncheckedIOException(e);
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    static String provisioning() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("path", CONTAINER_PATH);
        options.put("foldersFromFilesStructure", false);
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("name", "vigil");
        provider.put("orgId", 1);
        provider.put("folder", "");
        provider.put("type", "file");
        provider.put("disableDeletion", false);
        // Vigil's sources are the truth: changes made in the UI would be lost on the next build.
        provider.put("allowUiUpdates", false);
        provider.put("updateIntervalSeconds", 30);
        provider.put("options", options);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("apiVersion", 1);
        root.put("providers", List.of(provider));
        return "# Generated by Vigil. A Grafana dashboard provider: copy it to /etc/grafana/provisioning/dashboards/\n"
                + "# and mount grafana/dashboards at " + CONTAINER_PATH + ".\n" + yaml().dump(root);
    }

    /** A ConfigMap that Grafana's sidecar (label grafana_dashboard: "1") loads as a dashboard. */
    static Map<String, Object> configMap(String uid, String json, KubernetesMetadata.Resolved metadata) {
        return configMap(uid, json, metadata, Map.of());
    }

    /** As above, with the sidecar's folder annotation ({@code folder}: the annotation and its value). */
    static Map<String, Object> configMap(String uid, String json, KubernetesMetadata.Resolved metadata,
            Map<String, String> folder) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("apiVersion", "v1");
        root.put("kind", "ConfigMap");
        root.put("metadata", ObjectMeta.of(configMapName(uid), metadata, Map.of("grafana_dashboard", "1"), folder));
        root.put("data", Map.of(uid + ".json", json));
        return root;
    }

    /** A Kubernetes object name: lower case letters, digits and `-`, starting and ending alphanumeric. */
    static String configMapName(String uid) {
        String name = ("grafana-dashboard-" + uid).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        name = name.replaceAll("-+$", "");
        return name.length() > 253 ? name.substring(0, 253).replaceAll("-+$", "") : name;
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(new LiteralRepresenter(options), options);
    }

    /** Writes text over several lines (the dashboard JSON) as a literal block, readable in a diff. */
    private static final class LiteralRepresenter extends Representer {
        LiteralRepresenter(DumperOptions options) {
            super(options);
        }

        @Override
        protected Node representScalar(Tag tag, String value, DumperOptions.ScalarStyle style) {
            if (tag.equals(Tag.STR) && value.contains("\n")) {
                return super.representScalar(tag, value, DumperOptions.ScalarStyle.LITERAL);
            }
            return super.representScalar(tag, value, style);
        }
    }
}
