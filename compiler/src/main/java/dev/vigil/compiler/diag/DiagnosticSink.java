package dev.vigil.compiler.diag;

import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/** Collects diagnostics from every stage: user mistakes are reported here, never thrown. */
public final class DiagnosticSink {
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int errors;

    public void report(Diagnostic d) {
        diagnostics.add(d);
        errors += d.isError() ? 1 : 0;
    }

    public void error(String code, Span span, String message) {
        report(Diagnostic.error(code, span, message, null));
    }

    public void error(String code, Span span, String message, String hint) {
        report(Diagnostic.error(code, span, message, hint));
    }

    /** An error no suppression or override can silence: the output cannot be written, or the tools would refuse it. */
    public void blocking(String code, Span span, String message, String hint) {
        report(Diagnostic.blocking(code, span, message, hint));
    }

    public void warning(String code, Span span, String message, String hint) {
        report(Diagnostic.warning(code, span, message, hint));
    }

    public void addAll(List<Diagnostic> more) {
        more.forEach(this::report);
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** How many errors were reported so far: a stage compares two counts to learn whether a part of it failed. */
    public int errorCount() {
        return errors;
    }

    /** Everything reported so far, in the order reported. */
    public List<Diagnostic> all() {
        return Collections.unmodifiableList(new ArrayList<>(diagnostics));
    }

    public int size() {
        return diagnostics.size();
    }

    /**
     * Everything reported so far, in source order, each finding once: a check that meets the same
     * mistake twice (in a query and in the rules generated from it) reports it once.
     */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(new LinkedHashSet<>(diagnostics));
        copy.sort(Diagnostic.ORDER);
        return Collections.unmodifiableList(copy);
    }
}
