package dev.vigil.compiler.diag;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/**
 * The machine-readable form shared by {@code vigil check} and {@code vigil lint}: an array of objects
 * with exactly the keys {@code file, line, column, endLine, endColumn, severity, code, message, hint},
 * {@code fix} (the edit: what it does, where, and the new text) on a finding that has one, and
 * {@code suppressed} (the reason) on a finding a suppression or a {@code checks} level silenced, and
 * {@code expansion} on a finding inside a template or {@code for} block: the uses it was expanded
 * through, innermost first.
 * The optional keys are left out when empty, so a consumer of the required ones is not disturbed.
 */
public final class JsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonRenderer() {
    }

    @JsonPropertyOrder({"file", "line", "column", "endLine", "endColumn", "severity", "code", "message", "hint",
            "fix", "suppressed", "expansion"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Entry(String file, int line, int column, int endLine, int endColumn, String severity, String code,
            String message, String hint, @JsonInclude(JsonInclude.Include.NON_NULL) FixEntry fix,
            @JsonInclude(JsonInclude.Include.NON_NULL) String suppressed,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ExpansionEntry> expansion) {
        static Entry of(Diagnostic d) {
            List<ExpansionEntry> expansion = new java.util.ArrayList<>();
            for (dev.vigil.compiler.source.Span.Via v = d.span().via(); v != null; v = v.site().via()) {
                expansion.add(new ExpansionEntry(v.kind().name().toLowerCase(java.util.Locale.ROOT), v.name(),
                        v.site().file(), v.site().line(), v.site().column()));
            }
            return new Entry(d.span().file(), d.span().line(), d.span().column(), d.span().endLine(),
                    d.span().endColumn(), d.severity().label(), d.code(), d.message(), d.hint(),
                    d.fix() == null ? null : FixEntry.of(d.fix()), d.suppressed(), expansion);
        }
    }

    /** One `use` (kind `template`, the template's name) or `for` iteration (kind `loop`, `queue = "orders"`). */
    @JsonPropertyOrder({"kind", "name", "file", "line", "column"})
    record ExpansionEntry(String kind, String name, String file, int line, int column) {
    }

    /** The edit, as the text form prints it, with the span it replaces (in the same file as the finding). */
    @JsonPropertyOrder({"description", "line", "column", "endLine", "endColumn", "replacement"})
    record FixEntry(String description, int line, int column, int endLine, int endColumn, String replacement) {
        static FixEntry of(Fix f) {
            return new FixEntry(f.description(), f.span().line(), f.span().column(), f.span().endLine(),
                    f.span().endColumn(), f.replacement());
        }
    }

    public static String render(List<Diagnostic> diagnostics) {
        try {
            return MAPPER.writeValueAsString(diagnostics.stream().map(Entry::of).toList()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Diagnostics are plain data and always serialise", e);
        }
    }
}
