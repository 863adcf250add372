package dev.vigil.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.Validators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/diagnostics.md lists every id a user can see, the checks' and the others', each in a table row
 * of its family's section ({@code ### Family}); and every id it names exists.
 */
class DiagnosticsDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| \\[?`([^`]+)`");
    private static final Pattern NAMED = Pattern.compile("`([A-Z][A-Za-z0-9]+\\.[A-Z][A-Za-z0-9]+)`");

    static Set<String> everyId() {
        Set<String> ids = new TreeSet<>(Ids.described().keySet());
        Validators.builtIn().all().stream().map(Validator::id).forEach(ids::add);
        return ids;
    }

    @Test
    void thePageListsEveryIdInItsFamilyAndNamesNoOther() throws IOException {
        Path page = Path.of(System.getProperty("vigil.repo", "..")).resolve("docs/diagnostics.md");
        List<String> lines = Files.readAllLines(page);
        Set<String> ids = everyId();
        List<String> problems = new ArrayList<>();
        TreeMap<String, Integer> listed = new TreeMap<>();
        String family = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                family = line.startsWith("### ") ? line.substring(4).strip() : null;
            }
            Matcher row = ROW.matcher(line);
            if (row.find() && row.group(1).contains(".")) {
                String id = row.group(1);
                if (listed.put(id, i + 1) != null) {
                    problems.add("line " + (i + 1) + ": `" + id + "` is listed twice");
                }
                if (family == null || !id.startsWith(family + ".")) {
                    problems.add("line " + (i + 1) + ": `" + id + "` is listed outside its family's section `### "
                            + id.substring(0, id.indexOf('.')) + "`");
                }
            }
            Matcher named = NAMED.matcher(line);
            while (named.find()) {
                if (!ids.contains(named.group(1))) {
                    problems.add("line " + (i + 1) + ": `" + named.group(1) + "` is not an id");
                }
            }
        }
        for (String id : ids) {
            if (!listed.containsKey(id)) {
                problems.add("`" + id + "` is not listed; add a row `| `" + id + "` | what it reports |` under `### "
                        + id.substring(0, id.indexOf('.')) + "`");
            }
        }
        assertTrue(problems.isEmpty(), page + ":\n" + String.join("\n", problems));
    }
}
