package dev.vigil.compiler;

import dev.vigil.compiler.diag.CheckLevel;
import dev.vigil.compiler.model.KubernetesMetadata;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.target.Version;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What a build tool adds to the sources: a scrape interval and target versions (which the sources
 * may then not set too, since which one wins would be a guess), check levels applied after the
 * project's own {@code checks} block, and the library path, the jars and directories that
 * {@code import "lib:<library>"} reads from, the first that holds a library winning. Keys of the
 * levels are check ids or families. {@code kubernetes} is the metadata the build gives every
 * Kubernetes object, and {@code kubernetesResources} the kinds of objects it asks for, which win over
 * the sources' (see {@link KubernetesMetadata}). {@code catalogueBaseUrl} turns the catalogue on where the
 * sources do not (the sources may then not set {@code base_url} too).
 */
public record CompileOptions(OptionalLong scrapeIntervalMillis, Map<String, CheckLevel> severityOverrides,
        Map<TargetVersions.Tool, Version> targetVersions, List<Path> libraryPath, KubernetesMetadata.Metadata kubernetes,
        KubernetesMetadata.ResourcesByBuild kubernetesResources, Optional<String> catalogueBaseUrl) {
    public static final CompileOptions DEFAULT = new CompileOptions(OptionalLong.empty(), Map.of());

    public CompileOptions {
        severityOverrides = Collections.unmodifiableMap(new TreeMap<>(severityOverrides));
        targetVersions = Collections.unmodifiableMap(targetVersions.isEmpty()
                ? new EnumMap<>(TargetVersions.Tool.class) : new EnumMap<>(targetVersions));
        libraryPath = List.copyOf(libraryPath);
        kubernetes = kubernetes == null ? KubernetesMetadata.Metadata.EMPTY : kubernetes;
        kubernetesResources = kubernetesResources == null ? KubernetesMetadata.ResourcesByBuild.NONE : kubernetesResources;
        catalogueBaseUrl = catalogueBaseUrl == null ? Optional.empty() : catalogueBaseUrl;
    }

    public CompileOptions(OptionalLong scrapeIntervalMillis, Map<String, CheckLevel> severityOverrides,
            Map<TargetVersions.Tool, Version> targetVersions, List<Path> libraryPath, KubernetesMetadata.Metadata kubernetes,
            KubernetesMetadata.ResourcesByBuild kubernetesResources) {
        this(scrapeIntervalMillis, severityOverrides, targetVersions, libraryPath, kubernetes, kubernetesResources,
                Optional.empty());
    }

    public CompileOptions(OptionalLong scrapeIntervalMillis, Map<String, CheckLevel> severityOverrides,
            Map<TargetVersions.Tool, Version> targetVersions, List<Path> libraryPath, KubernetesMetadata.Metadata kubernetes) {
        this(scrapeIntervalMillis, severityOverrides, targetVersions, libraryPath, kubernetes,
                KubernetesMetadata.ResourcesByBuild.NONE);
    }

    public CompileOptions(OptionalLong scrapeIntervalMillis, Map<String, CheckLevel> severityOverrides,
            Map<TargetVersions.Tool, Version> targetVersions, List<Path> libraryPath) {
        this(scrapeIntervalMillis, severityOverrides, targetVersions, libraryPath, KubernetesMetadata.Metadata.EMPTY);
    }

    public CompileOptions(OptionalLong scrapeIntervalMillis, Map<String, CheckLevel> severityOverrides,
            Map<TargetVersions.Tool, Version> targetVersions) {
        this(scrapeIntervalMillis, severityOverrides, targetVersions, List.of());
    }

    public CompileOptions(OptionalLong scrapeIntervalMillis, Map<String, CheckLevel> severityOverrides) {
        this(scrapeIntervalMillis, severityOverrides, Map.of());
    }

    /** These options with {@code libraries} as the library path, in order of precedence. */
    public CompileOptions withLibraryPath(List<Path> libraries) {
        return new CompileOptions(scrapeIntervalMillis, severityOverrides, targetVersions, libraries, kubernetes,
                kubernetesResources, catalogueBaseUrl);
    }

    /** These options with {@code metadata} for every Kubernetes object the build writes. */
    public CompileOptions withKubernetes(KubernetesMetadata.Metadata metadata) {
        return new CompileOptions(scrapeIntervalMillis, severityOverrides, targetVersions, libraryPath, metadata,
                kubernetesResources, catalogueBaseUrl);
    }

    /** These options with the kinds of Kubernetes objects the build asks for, over the project's block. */
    public CompileOptions withKubernetesResources(KubernetesMetadata.ResourcesByBuild resources) {
        return new CompileOptions(scrapeIntervalMillis, severityOverrides, targetVersions, libraryPath, kubernetes,
                resources, catalogueBaseUrl);
    }

    /** These options with the catalogue published at {@code baseUrl}, as if the sources declared it. */
    public CompileOptions withCatalogue(String baseUrl) {
        return new CompileOptions(scrapeIntervalMillis, severityOverrides, targetVersions, libraryPath, kubernetes,
                kubernetesResources, Optional.ofNullable(baseUrl));
    }
}
