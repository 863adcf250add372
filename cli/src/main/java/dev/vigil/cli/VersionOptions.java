package dev.vigil.cli;

import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.target.TargetVersions.Tool;
import dev.vigil.compiler.target.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The Prometheus and Alertmanager releases the output must load in, as options of check, build and
 * lint. Unset, the sources' {@code settings} apply, else the defaults; set both here and there, the
 * sources report a conflict.
 */
final class VersionOptions {
    @Option(names = "--prometheus-version", paramLabel = "X.Y",
            description = "The Prometheus release the rules must load in, such as 2.53 (default: the sources' settings, "
                    + "else the release `vigil --version` names). lint takes a list, such as 2.53,3.5, for rules that must load in both.")
    String prometheus;

    @Option(names = "--alertmanager-version", paramLabel = "X.Y",
            description = "The Alertmanager release the configuration must load in, such as 0.28 (default: the sources' settings, else the release `vigil --version` names).")
    String alertmanager;

    /** The releases given; a value that is no release, or one too old, is a usage error. */
    Map<Tool, Version> versions(CommandLine commandLine) {
        Map<Tool, Version> out = new EnumMap<>(Tool.class);
        put(out, Tool.PROMETHEUS, prometheus, commandLine);
        put(out, Tool.ALERTMANAGER, alertmanager, commandLine);
        return out;
    }

    /**
     * For lint, which has no {@code settings}: the targets, where a comma-separated list
     * ({@code 2.53,3.5}) means rules that must load in every release from the oldest to the newest.
     */
    TargetVersions targets(CommandLine commandLine) {
        TargetVersions out = TargetVersions.DEFAULT;
        for (Tool tool : List.of(Tool.PROMETHEUS, Tool.ALERTMANAGER)) {
            String text = tool == Tool.PROMETHEUS ? prometheus : alertmanager;
            if (text == null) {
                continue;
            }
            List<Version> named = new ArrayList<>();
            for (String one : text.split(",", -1)) {
                Map<Tool, Version> parsed = new EnumMap<>(Tool.class);
                put(parsed, tool, one.strip(), commandLine);
                named.add(parsed.get(tool));
            }
            out = out.withRange(tool, Collections.min(named), Collections.max(named));
        }
        return out;
    }

    static void put(Map<Tool, Version> out, Tool tool, String text, CommandLine commandLine) {
        if (text == null) {
            return;
        }
        try {
            out.put(tool, tool.parse(text));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, tool.option() + ": " + e.getMessage() + ".");
        }
    }

    /** The Grafana release, for the commands that write dashboards. */
    static final class Grafana {
        @Option(names = "--grafana-version", paramLabel = "X.Y",
                description = "The Grafana release the dashboards must load in, such as 11.0 (default: the sources' settings, else the release `vigil --version` names).")
        String grafana;

        void addTo(Map<Tool, Version> out, CommandLine commandLine) {
            put(out, Tool.GRAFANA, grafana, commandLine);
        }
    }
}
