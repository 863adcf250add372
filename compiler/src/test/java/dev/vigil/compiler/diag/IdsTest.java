package dev.vigil.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.Validators;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every id is declared once: a check's by its class, every other in {@link Ids}. The main sources of
 * every module are scanned as Java text: a string literal shaped like an id ({@code "Type.Mismatch"})
 * or like the start of one ({@code "Type."}) anywhere but in {@code Ids} fails, and so does a constant
 * of {@code Ids} that no main source names as {@code Ids.NAME}.
 */
class IdsTest {
    /** An id, or a family with its dot (the start of an id built by concatenation); not a placeholder such as {@code X.Y}. */
    static final Pattern ID_SHAPED = Pattern.compile("[A-Z][A-Za-z0-9]+\\.([A-Z][A-Za-z0-9]+)?");
    private static final Path IDS = Path.of("compiler/src/main/java/dev/vigil/compiler/diag/Ids.java");

    static Path repo() {
        return Path.of(System.getProperty("vigil.repo", "..")).toAbsolutePath().normalize();
    }

    /** Every Java file under a module's {@code src/main/java}, as a path relative to the repository. */
    static List<Path> mainSources() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(repo())) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> files = Files.walk(main)) {
                        files.filter(p -> p.toString().endsWith(".java")).sorted().map(repo()::relativize).forEach(out::add);
                    }
                }
            }
        }
        assertTrue(out.stream().anyMatch(p -> p.startsWith("targets")) && out.stream().anyMatch(p -> p.startsWith("cli")),
                "the main sources of the modules were not found below " + repo());
        return out;
    }

    private static List<Field> constants() {
        List<Field> out = new ArrayList<>();
        for (Field f : Ids.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && f.getType() == String.class) {
                out.add(f);
            }
        }
        return out;
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code PromQL.DurationWithoutUnit} is {@code PROMQL_DURATION_WITHOUT_UNIT}. */
    static String constantName(String id) {
        int dot = id.indexOf('.');
        String name = id.substring(dot + 1).replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return (id.substring(0, dot) + "_" + name).toUpperCase(java.util.Locale.ROOT);
    }

    private static Set<String> checkIds() {
        return Validators.builtIn().all().stream().map(Validator::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void eachConstantIsOneWellFormedIdWithWhatItReports() {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        Set<String> checks = checkIds();
        for (Field f : constants()) {
            String id = value(f);
            if (!Modifier.isFinal(f.getModifiers()) || !ID_SHAPED.matcher(id).matches() || id.endsWith(".")) {
                problems.add(f.getName() + " is not a final `Family.Name` id");
                continue;
            }
            if (!f.getName().equals(constantName(id))) {
                problems.add(f.getName() + " should be called " + constantName(id) + ", after its id " + id);
            }
            String other = seen.put(id, f.getName());
            if (other != null) {
                problems.add(id + " is declared twice, as " + other + " and " + f.getName());
            }
            Ids.Reports reports = f.getAnnotation(Ids.Reports.class);
            boolean ofCheck = f.isAnnotationPresent(Ids.OfCheck.class);
            if (ofCheck == (reports != null)) {
                problems.add(f.getName() + " needs exactly one of @Reports (what it reports) and @OfCheck");
            } else if (ofCheck && !checks.contains(id)) {
                problems.add(f.getName() + " is marked @OfCheck, but no registered check has the id " + id);
            } else if (!ofCheck && checks.contains(id)) {
                problems.add(id + " is a check's id, declared by its class: mark " + f.getName() + " @OfCheck");
            } else if (!ofCheck && (reports.value().isBlank() || !reports.value().endsWith("."))) {
                problems.add(f.getName() + ": say in one sentence what it reports");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(seen.keySet().stream().filter(id -> !checks.contains(id)).collect(Collectors.toSet()),
                Ids.described().keySet());
    }

    @Test
    void noMainSourceWritesAnIdOutsideIds() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : mainSources()) {
            if (file.equals(IDS)) {
                continue;
            }
            String text = Files.readString(repo().resolve(file));
            for (JavaText.Literal s : JavaText.stringLiterals(text)) {
                if (ID_SHAPED.matcher(s.value()).matches()) {
                    problems.add(file + ":" + s.line() + ": \"" + s.value() + "\": declare it in Ids and use the constant"
                            + " (a check's own id is Validator.idOf(TheCheck.class))");
                }
            }
            if (text.contains("import static dev.vigil.compiler.diag.Ids")) {
                problems.add(file + ": write `Ids.NAME`, not a static import, so that every use is found");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyDeclaredIdIsUsed() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : mainSources()) {
            if (!file.equals(IDS)) {
                all.append(Files.readString(repo().resolve(file))).append('\n');
            }
        }
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\bIds\\.([A-Z][A-Z0-9_]*)\\b").matcher(all);
        while (m.find()) {
            used.add(m.group(1));
        }
        List<String> unused = constants().stream().map(Field::getName).filter(n -> !used.contains(n)).toList();
        assertTrue(unused.isEmpty(), "declared in Ids but reported nowhere: " + unused);
    }

    @Test
    void theScannerFindsLiteralsAndSkipsComments() {
        String java = """
                // "Type.Mismatch" in a comment
                /* "Type.Mismatch" */ String a = "Type.Mismatch", b = "x\\"Type.Mismatch\\"", c = 'x';
                String d = "PromQL." + name;
                """;
        List<String> found = JavaText.stringLiterals(java).stream()
                .filter(s -> ID_SHAPED.matcher(s.value()).matches()).map(JavaText.Literal::value).toList();
        assertEquals(List.of("Type.Mismatch", "PromQL."), found);
        assertFalse(ID_SHAPED.matcher("Type.Mismatch is wrong").matches());
        assertEquals("PROMQL_DURATION_WITHOUT_UNIT", constantName("PromQL.DurationWithoutUnit"));
    }
}
