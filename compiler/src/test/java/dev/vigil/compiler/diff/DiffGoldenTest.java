package dev.vigil.compiler.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.compiler.CompileOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case under {@code src/test/resources/diff/<case>/} compares {@code before/} with {@code after/}
 * and checks the report in each format: {@code expected.txt} and {@code expected.md} by text,
 * {@code expected.json} by meaning. Run with {@code -Dvigil.golden.update=true} (or
 * {@code VIGIL_UPDATE_GOLDEN=1}) to rewrite them, then review the diff.
 */
class DiffGoldenTest {
    static final Path CASES = Path.of("src/test/resources/diff");

    static boolean update() {
        return Boolean.getBoolean("vigil.golden.update") || "1".equals(System.getenv("VIGIL_UPDATE_GOLDEN"));
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** The report of a case, with the sides named as the golden files show them. */
    static DiffReport report(String name) throws Exception {
        Path dir = CASES.resolve(name);
        DiffInputs.Outcome o = DiffInputs.directories(dir.resolve("before"), dir.resolve("after"), dir,
                CompileOptions.DEFAULT);
        assertTrue(o.report().isPresent(), () -> "both sides of " + name + " must compile: "
                + o.before().result().diagnostics() + o.after().result().diagnostics());
        return o.report().get().named("before", "after");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eachFormatMatchesItsGolden(String name) throws Exception {
        DiffReport r = report(name);
        Path dir = CASES.resolve(name);
        for (String format : List.of("txt", "md", "json")) {
            String actual = switch (format) {
                case "txt" -> DiffText.text(r);
                case "md" -> DiffText.markdown(r);
                default -> DiffJson.render(r);
            };
            Path expected = dir.resolve("expected." + format);
            if (update()) {
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
                continue;
            }
            assertTrue(Files.exists(expected), expected + " is missing; run with -Dvigil.golden.update=true");
            String want = Files.readString(expected, StandardCharsets.UTF_8);
            if (format.equals("json")) {
                ObjectMapper m = new ObjectMapper();
                assertEquals(m.readTree(want), m.readTree(actual), name + ": " + actual);
            } else {
                assertEquals(want, actual, name + "/expected." + format);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theSameInputsGiveTheSameBytes(String name) throws Exception {
        DiffReport first = report(name);
        DiffReport second = report(name);
        assertEquals(DiffText.text(first), DiffText.text(second));
        assertEquals(DiffText.markdown(first), DiffText.markdown(second));
        assertEquals(DiffJson.render(first), DiffJson.render(second));
    }
}
