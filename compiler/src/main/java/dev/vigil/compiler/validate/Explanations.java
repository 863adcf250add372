package dev.vigil.compiler.validate;

import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Suggest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code vigil --explain} prints: for a check, its page (docs/checks/ID.md); for any other id,
 * its page where it has one, what it reports ({@link Ids}) and its family's paragraph in
 * docs/diagnostics.md; for a family, its
 * section there. Both documents are packaged in the jar.
 */
public final class Explanations {
    private static final String CHECK_PAGES = "/dev/vigil/compiler/checks/";
    private static final String DIAGNOSTICS = "/dev/vigil/compiler/diagnostics.md";

    private Explanations() {
    }

    /** The explanation of a diagnostic id or a family of them, or empty when there is none. */
    public static Optional<String> explain(String id) {
        Optional<String> page = page(id);
        Optional<String> reports = Ids.description(id);
        if (page.isPresent() && reports.isEmpty()) {
            return page;
        }
        if (reports.isPresent()) {
            String family = id.substring(0, id.indexOf('.'));
            // An id the readers report may have a page too (Secret.Inline): the page, then what it reports.
            String text = page.map(p -> p.stripTrailing() + "\n\n## What it reports\n\n" + reports.get() + "\n")
                    .orElse("# " + id + "\n\n" + reports.get() + "\n");
            return Optional.of(familySection(family).map(section -> text + "\n## The `" + family + "` family\n\n"
                    + paragraph(section) + "\n\n`vigil --explain " + family + "` lists its ids.\n").orElse(text));
        }
        return familySection(id).map(section -> "# " + id + section.substring(section.indexOf('\n')));
    }

    /** A check's page. */
    public static Optional<String> page(String id) {
        return id.matches("[A-Za-z]+(\\.[A-Za-z]+)*") ? resource(CHECK_PAGES + id + ".md") : Optional.empty();
    }

    /** Every id {@code --explain} answers for, the checks' and the others', sorted. */
    public static List<String> ids() {
        Set<String> all = new TreeSet<>(Ids.described().keySet());
        Validators.builtIn().all().stream().map(Validator::id).filter(id -> page(id).isPresent()).forEach(all::add);
        return List.copyOf(all);
    }

    /** The families of {@link #ids()}, sorted. */
    public static List<String> families() {
        return ids().stream().map(id -> id.substring(0, id.indexOf('.'))).distinct().toList();
    }

    public static String suggestion(String id) {
        List<String> known = new ArrayList<>(ids());
        known.addAll(families());
        return Suggest.closest(id, known);
    }

    /** The section {@code ### family} of docs/diagnostics.md, from its heading to the next one. */
    static Optional<String> familySection(String family) {
        if (!family.matches("[A-Za-z]+")) {
            return Optional.empty();
        }
        return resource(DIAGNOSTICS).flatMap(doc -> {
            String heading = "\n### " + family + "\n";
            int at = doc.indexOf(heading);
            if (at < 0) {
                return Optional.empty();
            }
            int end = doc.indexOf("\n#", at + heading.length());
            return Optional.of(doc.substring(at + 1, end < 0 ? doc.length() : end + 1).strip() + "\n");
        });
    }

    /** The prose of a section: what stands between its heading and its table. */
    private static String paragraph(String section) {
        String body = section.substring(section.indexOf('\n') + 1);
        int table = body.indexOf("\n|");
        return (table < 0 ? body : body.substring(0, table)).strip();
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = Explanations.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
