package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of the README and docs/diagnostics.md: nothing a user writes makes Vigil print a
 * stack trace. Every golden snippet (each a mistake someone makes, or its look-alike) and every
 * lint case goes through `check`, `check --format json`, `build` and `lint` (hostile inputs are
 * {@link HostileCatalogueTest}'s); each run must end with a user status (0, 1 or 2), never 70,
 * and print no Java exception.
 */
class NoStackTraceTest {
    private static final Path REPO = Path.of(System.getProperty("vigil.repo", ".."));
    private static final Pattern TRACE = JavaTrace.PATTERN;
    private static final Set<Integer> USER_STATUSES = Set.of(0, 1, 2);

    @TempDir
    static Path tmp;

    private record Run(List<String> args, int status, String output) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = VigilCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(List.of(args), status, out + "\n" + err);
    }

    private static void assertClean(Run r) {
        assertTrue(USER_STATUSES.contains(r.status()), r.args() + " exited " + r.status() + ":\n" + r.output());
        assertTrue(!TRACE.matcher(r.output()).find(), r.args() + " printed a trace:\n" + r.output());
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenSnippetChecksAndBuildsWithoutATrace() throws IOException {
        Path resources = REPO.resolve("compiler/src/test/resources");
        List<Path> snippets = new ArrayList<>(files(resources.resolve("errors"), ".vigil"));
        snippets.addAll(files(resources.resolve("checks"), ".vigil"));
        assertTrue(snippets.size() > 150, "expected the golden snippets under " + resources);
        return snippets.stream().map(p -> DynamicTest.dynamicTest(resources.relativize(p).toString(), () -> {
            assertClean(run("check", p.toString()));
            assertClean(run("check", "--format", "json", p.toString()));
            Path dir = Files.createTempDirectory(tmp, "project");
            Files.copy(p, dir.resolve(p.getFileName()));
            assertClean(run("build", dir.toString(), "--out", dir.resolve("out").toString()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyLintCaseLintsWithoutATrace() throws IOException {
        Path lint = REPO.resolve("compiler/src/test/resources/lint");
        List<Path> yaml = new ArrayList<>(files(lint, ".yml"));
        yaml.addAll(files(lint, ".yaml"));
        assertTrue(yaml.size() > 50, "expected the lint cases under " + lint);
        return yaml.stream().map(p -> DynamicTest.dynamicTest(lint.relativize(p).toString(), () -> {
            assertClean(run("lint", p.toString()));
            assertClean(run("lint", "--format", "json", "--strict", p.toString()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> usageMistakesGetAUsageError() {
        return Stream.of(
                List.of("check", "/no/such/path"),
                List.of("build", "/no/such/path"),
                List.of("lint", "/no/such/file.yml"),
                List.of("check", "--format", "xml", "."),
                List.of("--explain", "No.SuchCheck"),
                List.of("frobnicate")).map(args -> DynamicTest.dynamicTest(String.join(" ", args), () -> {
                    Run r = run(args.toArray(String[]::new));
                    assertClean(r);
                    assertTrue(r.status() != 0, args + " should fail:\n" + r.output());
                }));
    }
}
