package dev.vigil.compiler.diag;

import dev.vigil.compiler.source.Span;
import java.util.Comparator;
import java.util.Objects;

/**
 * One finding: a stable dotted id ({@code Name.Duplicate}), a severity, where it is, a one-sentence
 * message with code in backticks, and optionally a hint and a fix. A {@code blocking} error means the
 * output cannot be written, or the target tools would refuse it, so no suppression or override can
 * silence it (see {@link Suppressions}). A finding that a {@code vigil:ignore} comment or a
 * {@code checks} level of {@code off} silenced keeps its place and carries the reason in
 * {@code suppressed}: it counts for nothing, but an audit sees it.
 */
public record Diagnostic(String code, Severity severity, Span span, String message, String hint, Fix fix,
        boolean blocking, String suppressed) {
    /** Source order, then id, so output is the same whatever order the checks ran in. */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing(Diagnostic::span)
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
    }

    public Diagnostic(String code, Severity severity, Span span, String message, String hint, Fix fix,
            boolean blocking) {
        this(code, severity, span, message, hint, fix, blocking, null);
    }

    public Diagnostic(String code, Severity severity, Span span, String message, String hint, Fix fix) {
        this(code, severity, span, message, hint, fix, false, null);
    }

    public static Diagnostic error(String code, Span span, String message, String hint) {
        return new Diagnostic(code, Severity.ERROR, span, message, hint, null);
    }

    /** An error that nothing can silence: the output cannot be written, or the tools would refuse it. */
    public static Diagnostic blocking(String code, Span span, String message, String hint) {
        return new Diagnostic(code, Severity.ERROR, span, message, hint, null, true);
    }

    public static Diagnostic warning(String code, Span span, String message, String hint) {
        return new Diagnostic(code, Severity.WARNING, span, message, hint, null);
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(code, newSeverity, span, message, hint, fix, blocking, suppressed);
    }

    public Diagnostic withFix(Fix newFix) {
        return new Diagnostic(code, severity, span, message, hint, newFix, blocking, suppressed);
    }

    /** This finding silenced, for {@code reason}. */
    public Diagnostic suppressedFor(String reason) {
        return new Diagnostic(code, severity, span, message, hint, fix, blocking, reason);
    }

    public boolean isSuppressed() {
        return suppressed != null;
    }

    /** An error that counts: reported at its severity and not suppressed. */
    public boolean isError() {
        return severity == Severity.ERROR && suppressed == null;
    }

    /** Whether this finding is reported at {@code level}, not silenced. */
    public boolean counts(Severity level) {
        return severity == level && suppressed == null;
    }

    /** True when this id is {@code family} or lies below it ({@code Syntax} covers {@code Syntax.UnexpectedToken}). */
    public boolean inFamily(String family) {
        return code.equals(family) || code.startsWith(family + ".");
    }
}
