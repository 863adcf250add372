package dev.vigil.compiler.model;

import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.ast.Property;
import dev.vigil.compiler.diag.DiagnosticSink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a block of {@code key value} properties, reporting keys given twice. */
final class PropertyReader {
    private final List<Property> unique = new ArrayList<>();

    PropertyReader(List<Property> properties, String block, DiagnosticSink sink) {
        Set<String> seen = new HashSet<>();
        for (Property p : properties) {
            if (seen.add(p.key().text())) {
                unique.add(p);
            } else {
                sink.error(Ids.PROPERTY_REPEATED, p.key().span(), "`" + p.key().text() + "` is given more than once in this "
                        + block + " block.", "Keep one; otherwise it is unclear which one applies.");
            }
        }
    }

    List<Property> all() {
        return unique;
    }

    static void unknown(Property p, String block, List<String> known, DiagnosticSink sink) {
        String near = Suggest.closest(p.key().text(), known);
        sink.error(Ids.PROPERTY_UNKNOWN, p.key().span(), "`" + p.key().text() + "` is not a setting of a " + block + ".",
                near != null ? "Did you mean `" + near + "`?" : "Known settings: " + ModelBuilder.quoteList(known) + ".");
    }
}
