package dev.vigil.compiler;

import dev.vigil.compiler.diag.CheckLevel;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What a build tool adds to the sources: a scrape interval (which the sources may then not set too,
 * since which one wins would be a guess) and check levels applied after the project's own
 * {@code checks} block. Keys are check ids or families.
 */
public record CompileOptions(OptionalLong scrapeIntervalMillis, Map<String, CheckLevel> severityOverrides) {
    public static final CompileOptions DEFAULT = new CompileOptions(OptionalLong.empty(), Map.of());

    public CompileOptions {
        severityOverrides = Collections.unmodifiableMap(new TreeMap<>(severityOverrides));
    }
}
