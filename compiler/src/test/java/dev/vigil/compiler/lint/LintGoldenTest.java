package dev.vigil.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.JsonRenderer;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.target.Version;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.Validators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Lint golden pairs: each {@code lint/<Check.Id>/X.yml} is linted alone and its JSON output compared,
 * by meaning and in any order, with {@code X.json}. A directory {@code lint/<Check.Id>/X/} is one
 * case whose YAML files (a rule file and an Alertmanager configuration, say) are linted together,
 * as {@code vigil lint} does with a directory, and compared with {@code X.json} beside it.
 * {@code fail-*} cases must report the folder's id and {@code pass-*} look-alikes must not.
 * Run with {@code -Dvigil.golden.update=true} (or {@code VIGIL_UPDATE_GOLDEN=1})
 * to rewrite the expectations; a missing one is written and fails.
 */
class LintGoldenTest {
    private static final Path ROOT = Path.of("src/test/resources/lint");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Registered checks that cannot fire on YAML input, each with the reason. Every other registered
     * check must have a {@code fail-*} and a {@code pass-*} lint case ({@link #everyCheckThatCanFireOnYamlHasLintPairs}).
     * A rule file or an Alertmanager configuration becomes a model without metric declarations,
     * dashboards, constants or tests, and with a severity order made of the levels the files use.
     */
    static final Map<String, String> CANNOT_FIRE_ON_YAML = Map.ofEntries(
            // Needs metric types, which only `metric <name> counter` declarations give (Models.metricTypes);
            // a rule file declares no metrics, so the check returns before looking at any query.
            Map.entry("Rate.CounterWithoutRate", "needs a metric declared as a counter; YAML declares no metrics"),
            // Same: it compares rate()'s argument with the metrics declared as gauges.
            Map.entry("Rate.OnGauge", "needs a metric declared as a gauge; YAML declares no metrics"),
            // Checks `expect alert` cases of Vigil tests; a rule file has no tests (Service.tests() is empty).
            // Checks panel JSON written in `options { }` and `field_config { }`; YAML has no dashboards.
            Map.entry("Dashboard.PanelOptions", "checks dashboard panels; YAML has no dashboards"),
            Map.entry("Test.AlertLabels", "checks Vigil test expectations; YAML has no tests"),
            Map.entry("Test.AlertValue", "checks Vigil test expectations; YAML has no tests"),
            Map.entry("Test.ExpectedName", "checks Vigil test expectations; YAML has no tests"),
            Map.entry("Test.SeriesLabels", "checks Vigil test input series; YAML has no tests"),
            Map.entry("Test.FloatRounding", "checks Vigil test expectations; YAML has no tests"),
            Map.entry("Test.WindowEdge", "checks Vigil test expectations; YAML has no tests"),
            // An Alertmanager configuration read by lint carries no routing tests (its reader leaves them empty).
            Map.entry("Test.RoutingExpectation", "checks Vigil routing tests; YAML has none"),
            Map.entry("Dashboard.ThresholdUnreadable", "checks dashboard panels; a rule file has no dashboards"),
            Map.entry("Dashboard.UnknownUnit", "checks dashboard panels' units; a rule file has no dashboards"),
            Map.entry("Dashboard.VariableInterpolation", "checks dashboard queries with their variables; a rule file has no dashboards"),
            Map.entry("Reference.Ambiguous", "resolves dashboard names in links, panels and runbooks; a rule file has none"),
            // The metadata Vigil writes comes from `kubernetes { }` blocks; lint reads a PrometheusRule's rules only.
            Map.entry("Kubernetes.Metadata", "checks the kubernetes { } blocks of .vigil sources; YAML has none"),
            // Runs only with `alertmanager AlertmanagerConfig`, a setting of a kubernetes { } block.
            Map.entry("Kubernetes.AlertmanagerConfig", "needs the kubernetes { } opt-in of .vigil sources; YAML has none"),
            // Rule files read by lint keep the links they have; the check judges the ones Vigil writes.
            Map.entry("Link.NotHttp", "checks the links of .vigil sources (NotHttp returns at once on YAML)"),
            // An Alertmanager configuration also takes alerts from rule files it is not linted with.
            Map.entry("Routing.UnknownLabel", "checks Vigil routing against all the project's alerts; YAML is not all of them"),
            // Linter.severities() builds the order from the default levels plus every severity an alert,
            // route (`=`/`!=`) or inhibition uses, and Alertmanager matchers have no orderings, so every
            // severity the check would look at is declared by construction.
            Map.entry("Alert.UnknownSeverity", "the lint severity order is made of every severity the files use"),
            // SLOs are declared in .vigil only; a Prometheus rule file holds their compiled rules, not the SLO.
            Map.entry("Slo.GroupingLabel", "checks SLO declarations; YAML has none"),
            Map.entry("Slo.LatencyThreshold", "checks SLO declarations; YAML has none"),
            Map.entry("Slo.ObjectiveRange", "checks SLO declarations; YAML has none"),
            Map.entry("Slo.SameQuery", "checks SLO declarations; YAML has none"),
            Map.entry("Slo.WindowTable", "checks SLO declarations; YAML has none"),
            // Judges the names of the files and objects `vigil build` writes; `vigil lint` writes none.
            Map.entry("Name.Collision", "judges the output of `vigil build`; lint writes none"),
            Map.entry("Name.OutputPath", "judges the files `vigil build` writes; lint writes none"),
            Map.entry("Name.CataloguePage", "judges the catalogue's pages, which only `vigil build` writes"));

    static boolean updating() {
        return Boolean.getBoolean("vigil.golden.update") || "1".equals(System.getenv("VIGIL_UPDATE_GOLDEN"));
    }

    /** The check folders (not the seeds). */
    private static List<Path> idDirectories() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals("seeds")).sorted()
                    .toList();
        }
    }

    private static boolean isYaml(Path p) {
        return Files.isRegularFile(p) && (p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"));
    }

    /** The cases of one check folder: single YAML files, and directories of files linted together. */
    private static List<Path> cases(Path idDir) throws IOException {
        try (Stream<Path> entries = Files.list(idDir)) {
            return entries.filter(p -> isYaml(p) || Files.isDirectory(p)).sorted().toList();
        }
    }

    private static String caseName(Path c) {
        String name = c.getFileName().toString();
        return Files.isDirectory(c) ? name : name.substring(0, name.lastIndexOf('.'));
    }

    private static Path expectation(Path c) {
        return c.resolveSibling(caseName(c) + ".json");
    }

    @TestFactory
    Stream<DynamicTest> goldenLintCases() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path dir : idDirectories()) {
            all.addAll(cases(dir));
        }
        assertTrue(all.size() >= 14, "expected lint cases for at least seven checks");
        return all.stream().map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), () -> check(p)));
    }

    /**
     * The lint options of a case: the defaults, or the target versions a {@code X.targets} file beside
     * it names, one {@code prometheus_version 3.0} per line.
     */
    private static Linter.Options options(Path c) throws IOException {
        Path targets = c.resolveSibling(caseName(c) + ".targets");
        if (!Files.exists(targets)) {
            return Linter.Options.DEFAULT;
        }
        // `prometheus_version 2.53` or, for rules that must load in several releases, `prometheus_version 2.53,3.5`.
        TargetVersions versions = TargetVersions.DEFAULT;
        for (String line : Files.readAllLines(targets)) {
            String[] kv = line.strip().split("\\s+");
            if (kv.length == 2) {
                TargetVersions.Tool tool = TargetVersions.Tool.ofSetting(kv[0]).orElseThrow(
                        () -> new AssertionError(targets + ": no tool has the setting `" + kv[0] + "`"));
                List<Version> named = java.util.Arrays.stream(kv[1].split(",")).map(tool::parse).toList();
                versions = versions.withRange(tool, java.util.Collections.min(named), java.util.Collections.max(named));
            }
        }
        return new Linter.Options(Linter.Options.DEFAULT.scrapeIntervalMillis(), false, versions);
    }

    private static void check(Path c) throws IOException {
        String name = caseName(c);
        String id = c.getParent().getFileName().toString();
        Path expected = expectation(c);
        List<SourceFile> sources = new ArrayList<>();
        if (Files.isDirectory(c)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(c)) {
                files = s.filter(LintGoldenTest::isYaml).sorted().toList();
            }
            assertTrue(files.size() >= 2, c + " must hold the YAML files to lint together");
            for (Path f : files) {
                sources.add(new SourceFile(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
        } else {
            sources.add(new SourceFile(c.getFileName().toString(), Files.readString(c, StandardCharsets.UTF_8)));
        }
        CompileResult result = Linter.lint(sources, options(c));
        String actual = JsonRenderer.render(result.diagnostics());
        if (updating() || !Files.exists(expected)) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            if (!updating()) {
                fail("No " + expected.getFileName() + " existed; it was written from the current output. Review it.");
            }
            return;
        }
        List<JsonNode> want = entries(Files.readString(expected));
        List<JsonNode> got = entries(actual);
        List<JsonNode> missing = new ArrayList<>(want);
        got.forEach(missing::remove);
        List<JsonNode> unexpected = new ArrayList<>(got);
        want.forEach(unexpected::remove);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            fail(name + " does not match " + expected.getFileName() + ":\n  missing: " + missing + "\n  unexpected: "
                    + unexpected);
        }
        boolean reports = got.stream().anyMatch(n -> n.get("code").asText().equals(id));
        if (name.startsWith("fail-")) {
            assertTrue(reports, name + " must report " + id);
        } else if (name.startsWith("pass-")) {
            assertEquals(false, reports, name + " must not report " + id);
            assertTrue(got.stream().noneMatch(n -> n.get("severity").asText().equals("error")), name + " must lint cleanly");
        }
    }

    /**
     * Issue 3's rule, enforced: every registered check has a failing and a passing lint case, or is
     * listed in {@link #CANNOT_FIRE_ON_YAML} with the reason. A listed check must not have cases (then
     * it can fire, and belongs off the list), and the list names only registered checks.
     */
    @Test
    void everyCheckThatCanFireOnYamlHasLintPairs() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (Validator v : Validators.builtIn().all()) {
            ids.add(v.id());
        }
        assertTrue(!ids.isEmpty(), "no validators registered");
        List<String> problems = new ArrayList<>();
        for (String listed : CANNOT_FIRE_ON_YAML.keySet()) {
            if (!ids.contains(listed)) {
                problems.add(listed + " is listed as unable to fire on YAML but is not a registered check");
            }
        }
        for (String id : ids) {
            Path dir = ROOT.resolve(id);
            boolean failing = false;
            boolean passing = false;
            if (Files.isDirectory(dir)) {
                for (Path c : cases(dir)) {
                    String name = caseName(c);
                    Path expected = expectation(c);
                    if (!Files.exists(expected)) {
                        continue;
                    }
                    boolean reports = entries(Files.readString(expected)).stream()
                            .anyMatch(n -> n.get("code").asText().equals(id));
                    failing |= name.startsWith("fail-") && reports;
                    passing |= name.startsWith("pass-") && !reports;
                }
            }
            if (CANNOT_FIRE_ON_YAML.containsKey(id)) {
                if (failing) {
                    problems.add(id + " has a failing lint case, so it can fire on YAML: remove it from CANNOT_FIRE_ON_YAML");
                }
            } else if (!failing || !passing) {
                problems.add(id + " needs a lint/" + id + "/fail-*.yml whose expectation reports it and a pass-*.yml"
                        + " look-alike whose expectation does not, or an entry with its reason in CANNOT_FIRE_ON_YAML");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<JsonNode> entries(String json) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(json).forEach(out::add);
        return out;
    }
}
