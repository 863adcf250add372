package dev.vigil.compiler.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.model.Metric;
import dev.vigil.compiler.model.MetricType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vigil's own library, {@code lib:std}: every file (written by scripts/std-library from the real
 * exporters) records the exporter's version, holds one blueprint, and compiles without a finding, alone
 * and all together in one service; and it is there without a library path.
 */
class StandardLibraryTest {
    private static final Path STD = Path.of("src/main/resources/META-INF/vigil/std");
    private static final Pattern BLUEPRINT = Pattern.compile("(?m)^blueprint (\\w+)\\(\\) \\{$");
    private static final Pattern HEADER = Pattern.compile("\\A// The metrics of (prometheus[-a-z]*) (\\d\\S*) \\(Debian [a-z]+\\)");

    @TempDir
    Path dir;

    private static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(STD)) {
            return s.filter(f -> f.toString().endsWith(".vigil")).sorted().toList();
        }
    }

    private static String blueprint(Path file) throws IOException {
        Matcher m = BLUEPRINT.matcher(Files.readString(file));
        assertTrue(m.find(), file + " has no blueprint");
        String name = m.group(1);
        assertTrue(!m.find(), file + " has more than one blueprint");
        return name;
    }

    private CompileResult check(String project) throws Exception {
        Path source = dir.resolve("p" + System.nanoTime()).resolve("main.vigil");
        Files.createDirectories(source.getParent());
        Files.writeString(source, project);
        return new Compiler(new SourceLoader(dir), CompileOptions.DEFAULT).check(List.of(source.getParent()));
    }

    @Test
    void theExportersTheIssueNamesAreAllThere() throws IOException {
        assertEquals(List.of("alertmanager", "blackbox_exporter", "go_process", "node_exporter", "postgres_exporter",
                "prometheus", "redis_exporter"), files().stream().map(f -> f.getFileName().toString().replace(".vigil", ""))
                .toList());
    }

    @TestFactory
    Stream<DynamicTest> eachFileRecordsItsExporterAndCompilesCleanly() throws IOException {
        return files().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            assertTrue(HEADER.matcher(Files.readString(f)).find(), f + " does not name the exporter's package and version");
            String name = f.getFileName().toString();
            CompileResult r = check("import \"lib:std/" + name + "\"\nservice s {\n  team \"t\"\n  use " + blueprint(f) + "()\n}\n");
            assertEquals(List.of(), r.diagnostics(), name);
            assertTrue(r.project().orElseThrow().services().get(0).metrics().size() > 10, name);
        }));
    }

    @Test
    void everyBlueprintInOneServiceDeclaresEachMetricOnce() throws Exception {
        StringBuilder uses = new StringBuilder();
        for (Path f : files()) {
            uses.append("  use ").append(blueprint(f)).append("()\n");
        }
        CompileResult r = check("import \"lib:std\"\nservice s {\n  team \"t\"\n" + uses + "}\n");
        assertEquals(List.of(), r.diagnostics());
        List<Metric> metrics = r.project().orElseThrow().services().get(0).metrics();
        Map<String, Long> counts = metrics.stream().collect(Collectors.groupingBy(Metric::name, Collectors.counting()));
        List<String> twice = new ArrayList<>();
        counts.forEach((n, c) -> {
            if (c > 1) {
                twice.add(n);
            }
        });
        assertEquals(List.of(), twice);
        Map<String, Metric> byName = metrics.stream().collect(Collectors.toMap(Metric::name, m -> m));
        assertEquals(MetricType.COUNTER, byName.get("node_cpu_seconds_total").type());
        assertEquals(List.of("cpu", "mode"), byName.get("node_cpu_seconds_total").labels());
        assertEquals(MetricType.GAUGE, byName.get("probe_success").type());
        assertEquals(MetricType.HISTOGRAM, byName.get("prometheus_http_request_duration_seconds").type());
    }

    @Test
    void theStandardLibraryIsFoundWithoutALibraryPathAndATypoIsCorrected() throws Exception {
        Diagnostic d = check("import \"lib:sdt/node_exporter.vigil\"\n").diagnostics().get(0);
        assertEquals("Input.ImportNotFound", d.code());
        assertEquals("Did you mean `lib:std`?", d.hint());
        Diagnostic file = check("import \"lib:std/node.vigil\"\n").diagnostics().get(0);
        assertEquals("The library `std` has no file `node.vigil`.", file.message());
    }
}
