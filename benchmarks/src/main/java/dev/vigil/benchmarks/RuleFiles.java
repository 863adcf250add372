package dev.vigil.benchmarks;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.prometheus.PrometheusRulesEmitter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The plain Prometheus rule files of a generated project, so that promtool gets the same work as Vigil:
 * the files {@code vigil build} writes for the project ({@code promtool check rules} against
 * {@code vigil check} and {@code vigil build}), and one file for {@code vigil lint} with a group per
 * service holding its recording rules and alerts, without the SLO rules.
 */
public final class RuleFiles {
    private static final String RULES_DIR = "prometheus/rules/";

    private RuleFiles() {
    }

    /** The rule files the project builds to, by file name. */
    public static SortedMap<String, byte[]> built(List<SourceFile> sources) {
        CompileResult r = Inputs.compileClean(sources);
        SortedMap<String, byte[]> out = new TreeMap<>();
        OutputManifest files = new OutputManifest();
        new PrometheusRulesEmitter().emit(r.project().orElseThrow(), EmitSettings.DEFAULT, files);
        files.files().forEach((path, bytes) -> {
            if (path.startsWith(RULES_DIR)) {
                out.put(path.substring(RULES_DIR.length()), bytes);
            }
        });
        return out;
    }

    /**
     * 1,000 services make the 20,000-rule file (8.3 MB), just inside Vigil's 8 MiB limit on one input
     * file. A larger fleet's names grow longer, so it is linted as files of 800 services (7 MB or so).
     */
    public static final int SERVICES_IN_ONE_LINT_FILE = 1_000;
    public static final int SERVICES_PER_LINT_FILE = 800;

    /**
     * The lint input: {@code rules.yml} for up to {@link #SERVICES_IN_ONE_LINT_FILE} services, else
     * {@code rules-01.yml}, {@code rules-02.yml}, ... of {@link #SERVICES_PER_LINT_FILE} services each.
     */
    public static List<SourceFile> lintInputs(SortedMap<String, byte[]> built) {
        return built.size() <= SERVICES_IN_ONE_LINT_FILE ? List.of(new SourceFile("rules.yml", lintInput(built)))
                : lintInputs(built, SERVICES_PER_LINT_FILE);
    }

    /** As {@link #lintInputs(SortedMap)}, with {@code perFile} services in each file. */
    static List<SourceFile> lintInputs(SortedMap<String, byte[]> built, int perFile) {
        List<SortedMap<String, byte[]>> chunks = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : built.entrySet()) {
            if (chunks.isEmpty() || chunks.get(chunks.size() - 1).size() == perFile) {
                chunks.add(new TreeMap<>());
            }
            chunks.get(chunks.size() - 1).put(e.getKey(), e.getValue());
        }
        if (chunks.size() <= 1) {
            return List.of(new SourceFile("rules.yml", lintInput(built)));
        }
        List<SourceFile> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            out.add(new SourceFile(String.format(java.util.Locale.ROOT, "rules-%02d.yml", i + 1), lintInput(chunks.get(i))));
        }
        return out;
    }

    /**
     * One rule file: per service, one group of its recording rules and alerts (the SLO groups left
     * out), written through SnakeYAML.
     */
    public static String lintInput(SortedMap<String, byte[]> built) {
        Yaml yaml = new Yaml(new LoaderOptions());
        List<Object> groups = new ArrayList<>();
        for (byte[] file : built.values()) {
            Map<?, ?> doc = yaml.load(new String(file, StandardCharsets.UTF_8));
            Map<String, Object> merged = null;
            for (Object g : (List<?>) doc.get("groups")) {
                Map<?, ?> group = (Map<?, ?>) g;
                String name = (String) group.get("name");
                if (name.startsWith("slo:")) {
                    continue;
                }
                if (merged == null) {
                    merged = new LinkedHashMap<>();
                    merged.put("name", name.replaceFirst("_(recording|alerts)$", ""));
                    merged.put("interval", group.get("interval"));
                    merged.put("rules", new ArrayList<>());
                }
                @SuppressWarnings("unchecked")
                List<Object> rules = (List<Object>) merged.get("rules");
                rules.addAll((List<?>) group.get("rules"));
            }
            if (merged != null) {
                merged.values().removeIf(v -> v == null);
                groups.add(merged);
            }
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options).dump(Map.of("groups", groups));
    }
}
