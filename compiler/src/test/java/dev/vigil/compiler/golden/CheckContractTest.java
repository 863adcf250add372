package dev.vigil.compiler.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.validate.CheckOverrides;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.Validators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** Checks that the readers report rather than a validator, held to the same contract. */
    private static final List<String> READER_CHECKS = List.of("Secret.Inline");

    @TestFactory
    Stream<DynamicTest> everyReaderCheckIsDocumentedAndProven() {
        return READER_CHECKS.stream().map(id -> DynamicTest.dynamicTest(id, () -> contract(id)));
    }

    /**
     * The checks of what the emitters make ({@link CheckOverrides#OUTPUT_CHECKS}): documented alike,
     * but proven by tests of the targets module, since golden cases do not run the emitters. Each
     * case of the page's table is {@code <TestClass>/<method>}, a test method of the targets module.
     */
    @TestFactory
    Stream<DynamicTest> everyOutputCheckIsDocumentedAndItsCasesExist() {
        return CheckOverrides.OUTPUT_CHECKS.stream().map(id -> DynamicTest.dynamicTest(id, () -> outputContract(id)));
    }

    private static void outputContract(String id) throws IOException {
        Path page = docs().resolve(id + ".md");
        String text = page(id, page);
        List<String> rows = tableRows(page, text);
        Path tests = docs().resolve("../../targets/src/test/java");
        List<String> problems = new ArrayList<>();
        for (String row : rows) {
            String[] cells = cells(row, problems);
            if (cells == null) {
                continue;
            }
            Matcher c = CASE.matcher(cells[4]);
            int found = 0;
            while (c.find()) {
                found++;
                List<Path> classes;
                try (Stream<Path> files = Files.walk(tests)) {
                    classes = files.filter(f -> f.getFileName().toString().equals(c.group(1) + ".java")).toList();
                }
                boolean exists = classes.size() == 1 && Files.readString(classes.get(0)).contains(" " + c.group(2) + "(");
                if (c.group(1) == null || !exists) {
                    problems.add("no test method " + c.group() + " in targets/src/test/java: " + row);
                }
            }
            if (found == 0) {
                problems.add("no case named: " + row);
            }
        }
        assertTrue(problems.isEmpty(), page + ":\n  " + String.join("\n  ", problems));
    }

    private static void contract(String id) throws IOException {
        Path page = docs().resolve(id + ".md");
        String text = page(id, page);
        long failing = cases(id, "fail-").filter(c -> mentions(c, id)).count();
        long passing = cases(id, "pass-").filter(c -> !mentions(c, id)).count();
        assertTrue(failing >= 1, id + " needs a fail-* case whose expectation reports it");
        assertTrue(passing >= 1, id + " needs a pass-* look-alike whose expectation does not report it");
        severityTableIsProven(id, page, text);
    }

    /** The page's text, after checking it has its sections and its examples behave. */
    private static String page(String id, Path page) throws IOException {
        assertTrue(Files.isRegularFile(page), "missing doc page " + page);
        String text = Files.readString(page);
        for (String section : List.of("# " + id, "## Bad", "## Why it hurts", "## Fix")) {
            assertTrue(text.contains(section), page + " lacks `" + section + "`");
        }
        examplesBehave(id, text);
        return text;
    }

    /** The rows of the page's severity table, which it must have. */
    private static List<String> tableRows(Path page, String text) {
        Matcher header = TABLE_HEADER.matcher(text);
        assertTrue(header.find(), page + " lacks the severity table `| shape | consequence | severity | cases |`");
        List<String> rows = text.substring(header.end()).lines().skip(2).takeWhile(l -> l.startsWith("|")).toList();
        assertTrue(!rows.isEmpty(), page + ": the severity table has no rows");
        return rows;
    }

    /** The row's cells, between its bars; null, and a problem said, when there are not four. */
    private static String[] cells(String row, List<String> problems) {
        String[] cells = row.split("(?<!\\\\)\\|", -1);
        if (cells.length != 6) {
            problems.add("not four cells: " + row);
            return null;
        }
        return cells;
    }

    private static final Pattern TABLE_HEADER = Pattern.compile(
            "(?im)^\\|\\s*shape\\s*\\|\\s*consequence\\s*\\|\\s*severity\\s*\\|\\s*cases\\s*\\|\\s*$");
    private static final Pattern CASE = Pattern.compile("`(?:([^`/]+)/)?([^`/]+)`");

    /**
     * The page's table "shape | consequence | severity | cases": each row names the golden cases that
     * show it, and each case's expectation agrees with the row: it reports the check at the row's
     * severity, or (nothing, not checked, or a row handed to another check: {@code —}) does not report
     * it. A case is a file name in this check's folder, {@code lint/<name>} for a lint case, or
     * {@code <Other.Id>/<name>} for one in another check's folder.
     */
    private static void severityTableIsProven(String id, Path page, String text) throws IOException {
        List<String> rows = tableRows(page, text);
        List<String> problems = new ArrayList<>();
        for (String row : rows) {
            String[] cells = cells(row, problems);
            if (cells == null) {
                continue;
            }
            String severity = cells[3].strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
            boolean reported = List.of("error", "warning", "info").contains(severity);
            if (!reported && !List.of("nothing", "not", "—").contains(severity)) {
                problems.add("unknown severity `" + cells[3].strip() + "`: " + row);
                continue;
            }
            Matcher c = CASE.matcher(cells[4]);
            int found = 0;
            while (c.find()) {
                found++;
                String folder = c.group(1);
                Path expectation = expectation(id, folder, c.group(2));
                if (expectation == null) {
                    problems.add("no case `" + c.group() + "` (checks/" + id + "/, lint/" + id + "/): " + row);
                    continue;
                }
                List<String> severities = reportedSeverities(expectation, id);
                if (reported && !severities.contains(severity)) {
                    problems.add(c.group() + " should report " + id + " as " + severity + " but reports " + severities + ": " + row);
                } else if (!reported && !severities.isEmpty()) {
                    problems.add(c.group() + " should not report " + id + " but does (" + severities + "): " + row);
                }
            }
            if (found == 0) {
                problems.add("no case named: " + row);
            }
        }
        assertTrue(problems.isEmpty(), page + ":\n  " + String.join("\n  ", problems));
    }

    private static Path expectation(String id, String folder, String name) {
        List<Path> candidates = new ArrayList<>();
        if (folder == null) {
            candidates.add(CHECKS.resolve(id).resolve(name + ".errors"));
            candidates.add(LINT.resolve(id).resolve(name + ".json"));
        } else if (folder.equals("lint")) {
            candidates.add(LINT.resolve(id).resolve(name + ".json"));
        } else {
            candidates.add(CHECKS.resolve(folder).resolve(name + ".errors"));
            candidates.add(LINT.resolve(folder).resolve(name + ".json"));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    /** The severities at which an expectation file reports the check. */
    private static List<String> reportedSeverities(Path expectation, String id) throws IOException {
        List<String> out = new ArrayList<>();
        if (expectation.toString().endsWith(".json")) {
            for (JsonNode d : new ObjectMapper().readTree(expectation.toFile())) {
                if (d.path("code").asText().equals(id)) {
                    out.add(d.path("severity").asText());
                }
            }
            return out;
        }
        for (String line : Files.readAllLines(expectation)) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 3 && words[2].equals(id)) {
                out.add(words[1]);
            }
        }
        return out;
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
