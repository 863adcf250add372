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
 * and {@code suppressed} (the reason) on a finding a suppression or a {@code checks} level silenced.
 */
public final class JsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonRenderer() {
    }

    @JsonPropertyOrder({"file", "line", "column", "endLine", "endColumn", "severity", "code", "message", "hint",
            "suppressed"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Entry(String file, int line, int column, int endLine, int endColumn, String severity, String code,
            String message, String hint, @JsonInclude(JsonInclude.Include.NON_NULL) String suppressed) {
        static Entry of(Diagnostic d) {
            return new Entry(d.span().file(), d.span().line(), d.span().column(), d.span().endLine(),
                    d.span().endColumn(), d.severity().label(), d.code(), d.message(), d.hint(), d.suppressed());
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
