package dev.vigil.targets.alertmanager;

import dev.vigil.targets.Yaml;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.kubernetes.KubernetesObject;
import dev.vigil.targets.kubernetes.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager configuration from the project's routing:
 * <ul>
 *   <li>{@code alertmanager/alertmanager.yml}, with {@code templates/*.tmpl} beside it when used;</li>
 *   <li>{@code kubernetes/alertmanager-config.yaml}, a ConfigMap with the same config. A ConfigMap
 *       mounts flat, so there the templates are keys beside {@code alertmanager.yml} and the config
 *       finds them with {@code *.tmpl}; secrets stay file paths for the deployment to mount.</li>
 * </ul>
 * A project without routing gets no Alertmanager output: there is no receiver to send to. Settings
 * only some releases know were checked against the project's target Alertmanager by
 * {@code Target.Unsupported}.
 */
public final class AlertmanagerEmitter implements Emitter {
    public static final String CONFIG = "alertmanager/alertmanager.yml";
    public static final String TEMPLATES_DIR = "alertmanager/templates/";
    public static final String CONFIG_MAP = "kubernetes/alertmanager-config.yaml";
    static final String CONFIG_MAP_NAME = "vigil-alertmanager";
    /** With {@code alertmanager AlertmanagerConfig}: the resource, instead of {@link #CONFIG_MAP}. */
    public static final String ALERTMANAGER_CONFIG = "kubernetes/alertmanagerconfig.yaml";
    static final String ALERTMANAGER_CONFIG_NAME = "vigil";

    @Override
    public String name() {
        return "alertmanager";
    }

    @Override
    public void emit(Project project, EmitSettings settings, OutputManifest out) {
        Routing routing = project.routing();
        if (routing.routes().isEmpty()) {
            return;
        }
        ConfigBuilder builder = new ConfigBuilder(routing, project.severities());
        out.writeText(CONFIG, Yaml.dump(builder.build("templates/*.tmpl")));
        if (builder.usesTemplates()) {
            out.writeText(TEMPLATES_DIR + NotificationTemplates.FILE, NotificationTemplates.TEXT_OF_FILE);
        }
        out.writeObject(object(project, builder));
    }

    /** The ConfigMap with the configuration, or the AlertmanagerConfig, when the project has routing. */
    public static List<KubernetesObject> objects(Project project) {
        if (project.routing().routes().isEmpty()) {
            return List.of();
        }
        return List.of(object(project, new ConfigBuilder(project.routing(), project.severities())));
    }

    private static KubernetesObject object(Project project, ConfigBuilder builder) {
        return project.settings().kubernetes().resources().alertmanagerConfig()
                ? alertmanagerConfig(project) : configMap(project, builder);
    }

    /**
     * An AlertmanagerConfig for an operator-managed Alertmanager shared with others. The operator adds
     * a {@code namespace} matcher to its top route and inhibitions, prefixes its receivers, and copies
     * the Secrets it references from the object's namespace (docs/kubernetes.md).
     */
    private static KubernetesObject alertmanagerConfig(Project project) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "monitoring.coreos.com/v1alpha1");
        doc.put("kind", "AlertmanagerConfig");
        doc.put("metadata", ObjectMeta.of(ALERTMANAGER_CONFIG_NAME, project.settings().kubernetes().forProject(), Map.of()));
        doc.put("spec", new AlertmanagerConfigBuilder(project.routing(), project.severities()).spec());
        return new KubernetesObject(ALERTMANAGER_CONFIG, doc, () -> Yaml.dump(doc), "routing",
                project.routing().routes().get(0).span());
    }

    private static KubernetesObject configMap(Project project, ConfigBuilder builder) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertmanager.yml", Yaml.dump(builder.build("*.tmpl")));
        if (builder.usesTemplates()) {
            data.put(NotificationTemplates.FILE, NotificationTemplates.TEXT_OF_FILE);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "v1");
        doc.put("kind", "ConfigMap");
        doc.put("metadata", ObjectMeta.of(CONFIG_MAP_NAME, project.settings().kubernetes().forProject(), Map.of()));
        doc.put("data", data);
        return new KubernetesObject(CONFIG_MAP, doc, () -> Yaml.dump(doc), "routing",
                project.routing().routes().get(0).span());
    }

    /** The routing test cases of a project, for running with amtool against {@link #CONFIG}. */
    public static List<RoutingTestCase> routingTests(Project project) {
        return RoutingTestCase.of(project);
    }
}
