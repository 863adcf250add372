package dev.vigil.compiler.format;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a set of files means, without where it was written: the compiled model and the findings, with
 * every source span dropped. Formatting moves text, so spans change; nothing else may.
 */
final class Meaning {
    private Meaning() {
    }

    static Object of(List<SourceFile> files) {
        CompileResult result = Compiler.compile(files);
        List<Object> findings = new ArrayList<>();
        for (Diagnostic d : result.diagnostics()) {
            // A message may name a place (`declared at f.vigil:10:9`); places move, the rest must not.
            String message = d.message().replaceAll(":\\d+:\\d+", ":_:_").replaceAll("line \\d+", "line _");
            findings.add(List.of(d.code(), d.severity().name(), message, String.valueOf(d.suppressed()),
                    d.span().file()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("project", spanless(result.project().orElse(null)));
        out.put("diagnostics", findings);
        return out;
    }

    /** Records as maps of their components, collections element by element, spans left out. */
    static Object spanless(Object v) {
        if (v == null || v instanceof Span) {
            return null;
        }
        if (v instanceof dev.vigil.compiler.ast.Decl.Body body) {
            // A template body means what it holds as written.
            return spanless(body.build(body.enclosing(), new dev.vigil.compiler.diag.DiagnosticSink()));
        }
        if (v instanceof Optional<?> o) {
            return o.map(Meaning::spanless).orElse(null);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(spanless(k)), spanless(x)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(x -> out.add(spanless(x)));
            if (!(v instanceof List<?>)) {
                out.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
            }
            return out;
        }
        if (v instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("@", r.getClass().getName());
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    out.put(c.getName(), spanless(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        return v;
    }
}
