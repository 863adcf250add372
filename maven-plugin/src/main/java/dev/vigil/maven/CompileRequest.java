package dev.vigil.maven;

import dev.vigil.compiler.model.KubernetesMetadata;
import dev.vigil.compiler.target.TargetVersions;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What every goal compiles, copied from the Mojo's parameters: the sources and the settings the
 * POM adds to them.
 *
 * @param baseDirectory     the project directory; diagnostics show paths relative to it
 * @param sourceDirectory   every {@code .vigil} file below it is part of the project
 * @param scrapeInterval    a scrape interval such as {@code 15s}, when the POM sets one
 * @param strict            warnings count as errors
 * @param severityOverrides check id or family to {@code error}, {@code warning}, {@code info} or {@code off}
 * @param targetVersions    the releases the POM targets, such as {@code 2.42} for Prometheus, as written
 * @param libraries         the library path: the project's dependency jars (and reactor modules' class directories),
 *                          in the POM's order, for {@code import "lib:<library>"}
 * @param kubernetes        the metadata the POM gives every Kubernetes object, over the sources'
 * @param kubernetesResources the kinds of Kubernetes objects the POM asks for, over the sources'
 * @param catalogueUrl      where the catalogue is published, when the POM turns it on
 */
public record CompileRequest(Path baseDirectory, Path sourceDirectory, Optional<String> scrapeInterval, boolean strict,
        Map<String, String> severityOverrides, Map<TargetVersions.Tool, String> targetVersions, List<Path> libraries,
        KubernetesMetadata.Metadata kubernetes, KubernetesMetadata.ResourcesByBuild kubernetesResources,
        Optional<String> catalogueUrl) {
    public CompileRequest(Path baseDirectory, Path sourceDirectory, Optional<String> scrapeInterval, boolean strict,
            Map<String, String> severityOverrides, Map<TargetVersions.Tool, String> targetVersions, List<Path> libraries,
            KubernetesMetadata.Metadata kubernetes, KubernetesMetadata.ResourcesByBuild kubernetesResources) {
        this(baseDirectory, sourceDirectory, scrapeInterval, strict, severityOverrides, targetVersions, libraries,
                kubernetes, kubernetesResources, Optional.empty());
    }

    public CompileRequest(Path baseDirectory, Path sourceDirectory, Optional<String> scrapeInterval, boolean strict,
            Map<String, String> severityOverrides, Map<TargetVersions.Tool, String> targetVersions, List<Path> libraries,
            KubernetesMetadata.Metadata kubernetes) {
        this(baseDirectory, sourceDirectory, scrapeInterval, strict, severityOverrides, targetVersions, libraries,
                kubernetes, KubernetesMetadata.ResourcesByBuild.NONE);
    }

    public CompileRequest(Path baseDirectory, Path sourceDirectory, Optional<String> scrapeInterval, boolean strict,
            Map<String, String> severityOverrides, Map<TargetVersions.Tool, String> targetVersions, List<Path> libraries) {
        this(baseDirectory, sourceDirectory, scrapeInterval, strict, severityOverrides, targetVersions, libraries,
                KubernetesMetadata.Metadata.EMPTY);
    }

    public CompileRequest(Path baseDirectory, Path sourceDirectory, Optional<String> scrapeInterval, boolean strict,
            Map<String, String> severityOverrides) {
        this(baseDirectory, sourceDirectory, scrapeInterval, strict, severityOverrides, Map.of());
    }

    public CompileRequest(Path baseDirectory, Path sourceDirectory, Optional<String> scrapeInterval, boolean strict,
            Map<String, String> severityOverrides, Map<TargetVersions.Tool, String> targetVersions) {
        this(baseDirectory, sourceDirectory, scrapeInterval, strict, severityOverrides, targetVersions, List.of());
    }

    public CompileRequest {
        baseDirectory = baseDirectory.toAbsolutePath().normalize();
        sourceDirectory = sourceDirectory.toAbsolutePath().normalize();
        scrapeInterval = scrapeInterval.filter(s -> !s.isBlank()).map(String::trim);
        // Sorted, so the configuration digest does not depend on the POM's order.
        severityOverrides = java.util.Collections.unmodifiableSortedMap(
                new TreeMap<>(severityOverrides == null ? Map.of() : severityOverrides));
        Map<TargetVersions.Tool, String> versions = new EnumMap<>(TargetVersions.Tool.class);
        if (targetVersions != null) {
            targetVersions.forEach((tool, text) -> {
                if (text != null && !text.isBlank()) {
                    versions.put(tool, text.trim());
                }
            });
        }
        targetVersions = java.util.Collections.unmodifiableMap(versions);
        libraries = libraries == null ? List.of() : libraries.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        kubernetes = kubernetes == null ? KubernetesMetadata.Metadata.EMPTY : kubernetes;
        kubernetesResources = kubernetesResources == null ? KubernetesMetadata.ResourcesByBuild.NONE : kubernetesResources;
        catalogueUrl = catalogueUrl == null ? Optional.empty() : catalogueUrl.filter(s -> !s.isBlank()).map(String::strip);
    }

    /**
     * A stable text form of the settings that change what is compiled, for the incremental digest. The library path
     * is not in it: its entries that hold libraries are, with their digests (see {@code Generation}), so that a new
     * version of a Java dependency does not make the output stale, and a new version of a library does.
     */
    String describe() {
        return "source=" + sourceDirectory + "\nscrapeInterval=" + scrapeInterval.orElse("") + "\nstrict=" + strict
                + "\noverrides=" + severityOverrides + "\ntargets=" + targetVersions + "\n"
                + (kubernetes.isEmpty() ? "" : "kubernetes=" + kubernetes + "\n")
                + (kubernetesResources.isEmpty() ? "" : "kubernetesResources=" + kubernetesResources + "\n")
                + catalogueUrl.map(u -> "catalogueUrl=" + u + "\n").orElse("");
    }
}
