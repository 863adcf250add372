package dev.vigil.cli;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.model.KubernetesSyntax;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The metadata of every Kubernetes object {@code check} and {@code build} consider, and the kinds of
 * objects the Alertmanager configuration and the dashboards become: these win over the sources'
 * {@code kubernetes} blocks, so that one set of sources can be deployed as several releases, or to
 * clusters run differently. Checked here, since a value from the command line has no place in a
 * source to point at.
 */
final class KubernetesOptions {
    @Option(names = "--k8s-namespace", paramLabel = "NAMESPACE",
            description = "The namespace of every Kubernetes object written, over the sources' `kubernetes { namespace }`.")
    String namespace;

    @Option(names = "--k8s-label", paramLabel = "KEY=VALUE",
            description = "A label of every Kubernetes object written, such as `release=kube-prometheus-stack`; "
                    + "repeat for several. Wins over the sources' label of the same key.")
    List<String> labels = List.of();

    @Option(names = "--k8s-annotation", paramLabel = "KEY=VALUE",
            description = "An annotation of every Kubernetes object written; repeat for several. Wins over the "
                    + "sources' annotation of the same key.")
    List<String> annotations = List.of();

    @Option(names = "--k8s-alertmanager", paramLabel = "KIND", description = "`ConfigMap` (alertmanager.yml in a "
            + "ConfigMap) or `AlertmanagerConfig` (a prometheus-operator resource for a shared Alertmanager), over the "
            + "sources' `kubernetes { alertmanager }`.")
    String alertmanager;

    @Option(names = "--k8s-instance-selector", paramLabel = "KEY=VALUE", description = "A label of the Grafana instances "
            + "to load a GrafanaDashboard into, such as `dashboards=grafana`; repeat for several. Replaces all the sources' `instance_selector`.")
    List<String> instanceSelector = List.of();

    @Option(names = "--k8s-dashboards", paramLabel = "KIND", description = "`ConfigMap` (for Grafana's sidecar) or "
            + "`GrafanaDashboard` (grafana-operator resources, which select Grafana instances by "
            + "--k8s-instance-selector), over the sources' "
            + "`kubernetes { dashboards }`.")
    String dashboards;

    @Option(names = "--k8s-folder-annotation", paramLabel = "KEY", description = "The annotation Grafana's sidecar "
            + "reads a dashboard's folder from (for the dashboards' ConfigMaps), over the sources' "
            + "`kubernetes { folder_annotation }`.")
    String folderAnnotation;

    /** {@code options} with this metadata and these kinds; a value Kubernetes would refuse is a usage error. */
    CompileOptions addTo(CompileOptions options, CommandLine commandLine) {
        try {
            return options.withKubernetes(KubernetesSyntax.fromBuild(namespace, labels, annotations,
                    "--k8s-namespace", "--k8s-label", "--k8s-annotation"))
                    .withKubernetesResources(KubernetesSyntax.resourcesFromBuild(alertmanager, dashboards,
                            folderAnnotation, instanceSelector, "--k8s-alertmanager", "--k8s-dashboards",
                            "--k8s-folder-annotation", "--k8s-instance-selector"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
