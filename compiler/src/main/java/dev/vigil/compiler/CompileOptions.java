package dev.vigil.compiler;

import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.TargetVersions;
import dev.vigil.compiler.model.Version;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What a build tool adds to the sources: a scrape interval and target versions (which the sources
 * may then not set too, since which one wins would be a guess) and check severities applied after
 * the project's own {@code checks} block. A null severity turns the check off. Keys are check ids or
 * families.
 */
public record CompileOptions(OptionalLong scrapeIntervalMillis, Map<String, Severity> severityOverrides,
        Map<TargetVersions.Tool, Version> targetVersions) {
    public static final CompileOptions DEFAULT = new CompileOptions(OptionalLong.empty(), Map.of());

    public CompileOptions {
        // TreeMap, not Map.copyOf: null stands for `off`.
        severityOverrides = Collections.unmodifiableMap(new TreeMap<>(severityOverrides));
        targetVersions = Collections.unmodifiableMap(targetVersions.isEmpty()
                ? new EnumMap<>(TargetVersions.Tool.class) : new EnumMap<>(targetVersions));
    }

    public CompileOptions(OptionalLong scrapeIntervalMillis, Map<String, Severity> severityOverrides) {
        this(scrapeIntervalMillis, severityOverrides, Map.of());
    }
}
