package dev.vigil.compiler.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.Validators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered check is documented and proven: a page {@code docs/checks/<id>.md} with a bad
 * example, why it hurts and the fix, and golden cases that fail with its id and look-alikes that
 * pass. Cases are {@code .vigil}/{@code .errors} pairs under {@code checks/<id>/} or
 * {@code .yml}/{@code .json} lint pairs under {@code lint/<id>/}.
 */
class CheckContractTest {
    private static final Path CHECKS = Path.of("src/test/resources/checks");
    private static final Path LINT = Path.of("src/test/resources/lint");

    static Path docs() {
        return Path.of(System.getProperty("vigil.repo", "..")).resolve("docs/checks");
    }

    @TestFactory
    Stream<DynamicTest> everyCheckIsDocumentedAndProven() {
        List<Validator> all = Validators.builtIn().all();
        assertTrue(!all.isEmpty(), "no validators registered");
        return all.stream().map(v -> DynamicTest.dynamicTest(v.id(), () -> contract(v.id())));
    }

    private static void contract(String id) throws IOException {
        Path page = docs().resolve(id + ".md");
        assertTrue(Files.isRegularFile(page), "missing doc page " + page);
        String text = Files.readString(page);
        for (String section : List.of("# " + id, "## Bad", "## Why it hurts", "## Fix")) {
            assertTrue(text.contains(section), page + " lacks `" + section + "`");
        }
        examplesBehave(id, text);
        long failing = cases(id, "fail-").filter(c -> mentions(c, id)).count();
        long passing = cases(id, "pass-").filter(c -> !mentions(c, id)).count();
        assertTrue(failing >= 1, id + " needs a fail-* case whose expectation reports it");
        assertTrue(passing >= 1, id + " needs a pass-* look-alike whose expectation does not report it");
    }

    /** The page's `vigil` examples: the one under "Bad" reports the check, the one under "Fix" compiles cleanly. */
    private static void examplesBehave(String id, String page) {
        String bad = firstBlock(page, "## Bad");
        if (bad != null) {
            CompileResult r = Compiler.compile(List.of(new SourceFile(id + "-bad.vigil", bad)));
            assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals(id)),
                    id + ": the Bad example does not report it: " + r.diagnostics());
        }
        String fixed = firstBlock(page, "## Fix");
        if (fixed != null) {
            CompileResult r = Compiler.compile(List.of(new SourceFile(id + "-fix.vigil", fixed)));
            assertTrue(r.diagnostics().stream().noneMatch(d -> d.code().equals(id) || d.isError()),
                    id + ": the Fix example still has problems: " + r.diagnostics());
        }
    }

    private static String firstBlock(String page, String heading) {
        int at = page.indexOf(heading);
        if (at < 0) {
            return null;
        }
        int next = page.indexOf("\n## ", at + heading.length());
        String section = next < 0 ? page.substring(at) : page.substring(at, next);
        int open = section.indexOf("```vigil\n");
        if (open < 0) {
            return null;
        }
        int close = section.indexOf("```", open + 9);
        return close < 0 ? null : section.substring(open + 9, close);
    }

    /** Expectation files of the given prefix, for both the DSL and the lint cases. */
    private static Stream<Path> cases(String id, String prefix) throws IOException {
        Stream<Path> out = Stream.empty();
        for (Path dir : List.of(CHECKS.resolve(id), LINT.resolve(id))) {
            if (Files.isDirectory(dir)) {
                List<Path> files;
                try (Stream<Path> s = Files.list(dir)) {
                    files = s.filter(p -> p.getFileName().toString().startsWith(prefix))
                            .filter(p -> p.toString().endsWith(".errors") || p.toString().endsWith(".json"))
                            .toList();
                }
                out = Stream.concat(out, files.stream());
            }
        }
        return out;
    }

    private static boolean mentions(Path expectation, String id) {
        try {
            String text = Files.readString(expectation);
            return text.contains(" " + id + " ") || text.contains("\"" + id + "\"");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
