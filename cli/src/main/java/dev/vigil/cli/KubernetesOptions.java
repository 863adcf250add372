package dev.vigil.cli;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.model.KubernetesSyntax;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The metadata of every Kubernetes object {@code check} and {@code build} consider: these win over
 * the sources' {@code kubernetes} blocks, so that one set of sources can be deployed as several
 * releases. Checked here, since a value from the command line has no place in a source to point at.
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

    /** {@code options} with this metadata; a value Kubernetes would refuse is a usage error. */
    CompileOptions addTo(CompileOptions options, CommandLine commandLine) {
        try {
            return options.withKubernetes(KubernetesSyntax.fromBuild(namespace, labels, annotations,
                    "--k8s-namespace", "--k8s-label", "--k8s-annotation"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
