package dev.vigil.compiler.diag;

import dev.vigil.compiler.secret.Secrets;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders diagnostics for a terminal, rustc-style: the header, the source line, a caret underline
 * across the whole span (to the end of the line when the span continues), and the hint.
 *
 * <pre>
 * crm.vigil:12:14: error[Reference.Unknown]: Unknown constant `$grp`.
 *    |
 * 12 |     when lag{group=$grp} > 4
 *    |                    ^^^^
 *    = hint: Did you mean `$group`?
 * </pre>
 *
 * <p>A source line never shows a secret: the values that {@code Secret.Inline} findings point at, and
 * any value {@link Secrets#mask} recognises, are printed as {@code *}.
 */
public final class TextRenderer {
    private TextRenderer() {
    }

    /** Renders every finding that counts; suppressed ones are left to the JSON form and the summary. */
    public static String render(List<Diagnostic> diagnostics, Map<String, SourceFile> sources) {
        StringBuilder out = new StringBuilder();
        // Suppressed findings count too: their secret is in the file all the same.
        List<Span> secrets = diagnostics.stream().filter(d -> d.code().equals(Ids.SECRET_INLINE)).map(Diagnostic::span)
                .toList();
        for (Diagnostic d : diagnostics) {
            if (d.isSuppressed()) {
                continue;
            }
            render(d, sources.get(d.span().file()), secrets, out);
            out.append('\n');
        }
        return out.toString();
    }

    public static String render(Diagnostic d, SourceFile source) {
        StringBuilder out = new StringBuilder();
        render(d, source, d.code().equals(Ids.SECRET_INLINE) ? List.of(d.span()) : List.of(), out);
        return out.toString();
    }

    /** The most code points of one source line a diagnostic shows, and how many of them precede the span. */
    private static final int EXCERPT_WIDTH = 200;
    private static final int EXCERPT_CONTEXT = 60;
    private static final int MASK_MARGIN = 2_000;

    private static void render(Diagnostic d, SourceFile source, List<Span> secrets, StringBuilder out) {
        Span s = d.span();
        // A finding about no place in the sources (a bug in Vigil) is the header alone.
        if (!s.isNone()) {
            out.append(s.file()).append(':').append(s.line()).append(':').append(s.column()).append(": ");
        }
        out.append(d.severity().label()).append('[').append(d.code()).append("]: ").append(d.message()).append('\n');
        String gutter = " ".repeat(String.valueOf(Math.max(1, s.line())).length());
        if (source != null && s.line() >= 1 && s.line() <= source.lineCount()) {
            String raw = source.line(s.line());
            int lineLength = raw.codePointCount(0, raw.length());
            int start = Math.max(1, Math.min(s.column(), lineLength + 1));
            int end = s.endLine() == s.line() ? Math.max(s.endColumn(), start + 1) : lineLength + 1;
            end = Math.min(end, Math.max(lineLength + 1, start + 1));
            // A long line (a generated file, a minified query) shows as a window around the span, so one
            // diagnostic stays a few lines, and costs the same, whatever the input.
            int from = 0;
            int to = lineLength;
            if (lineLength > EXCERPT_WIDTH) {
                from = Math.max(0, Math.min(start - 1 - EXCERPT_CONTEXT, lineLength - EXCERPT_WIDTH));
                to = Math.min(lineLength, from + EXCERPT_WIDTH);
            }
            // Secrets are recognised in a margin around the window, so one cut by its edge is still masked.
            int maskFrom = Math.max(0, from - MASK_MARGIN);
            int maskTo = Math.min(lineLength, to + MASK_MARGIN);
            String region = masked(codePoints(raw, maskFrom, maskTo), maskFrom, s.file(), s.line(), secrets);
            String line = codePoints(region, from - maskFrom, to - maskFrom).replace('\t', ' ');
            String prefix = from > 0 ? "…" : "";
            String suffix = to < lineLength ? "…" : "";
            start = start - from + prefix.length();
            end = Math.min(end - from, to - from + 1) + prefix.length();
            out.append(gutter).append(" |\n");
            out.append(s.line()).append(" | ").append(prefix).append(line).append(suffix).append('\n');
            out.append(gutter).append(" | ").append(" ".repeat(start - 1)).append("^".repeat(Math.max(1, end - start)))
                    .append('\n');
        }
        for (String note : notes(d)) {
            out.append(gutter).append(" = ").append(note).append('\n');
        }
        if (d.hint() != null) {
            out.append(gutter).append(" = hint: ").append(d.hint()).append('\n');
        }
        if (d.fix() != null) {
            out.append(gutter).append(" = fix: ").append(d.fix().description()).append(": `")
                    .append(d.fix().replacement()).append("`\n");
        }
    }

    /**
     * The {@code note:} lines of a finding inside a template or {@code for} block, innermost expansion
     * first: {@code note: in the expansion of `red` at payments.vigil:12:3}. Each names one site, since
     * the next line names the site's own expansion.
     */
    public static List<String> notes(Diagnostic d) {
        List<String> out = new ArrayList<>();
        for (Span.Via v = d.span().via(); v != null; v = v.site().via()) {
            Span site = v.site();
            out.add("note: in " + v.describe() + " at " + site.file() + ":" + site.line() + ":" + site.column());
        }
        return out;
    }

    /** Code points {@code from} (inclusive) to {@code to} (exclusive) of {@code text}. */
    private static String codePoints(String text, int from, int to) {
        return text.substring(text.offsetByCodePoints(0, from), text.offsetByCodePoints(0, to));
    }

    /** Part of a line, from code point {@code offset} on, with the secrets on it masked column for column. */
    private static String masked(String line, int offset, String file, int number, List<Span> secrets) {
        int[] cps = Secrets.mask(line).codePoints().toArray();
        for (Span secret : secrets) {
            if (!secret.file().equals(file) || number < secret.line() || number > secret.endLine()) {
                continue;
            }
            // Columns are 1-based code points; a span that goes on past this line masks to its end.
            int from = number == secret.line() ? secret.column() - 1 - offset : 0;
            int to = number == secret.endLine() ? secret.endColumn() - 1 - offset : cps.length;
            for (int i = Math.max(0, from); i < Math.min(to, cps.length); i++) {
                cps[i] = '*';
            }
        }
        return new String(cps, 0, cps.length);
    }

    /**
     * The closing summary line, e.g. {@code 2 errors, 1 warning} (and {@code , 4 info} and
     * {@code , 3 suppressed} when there are any).
     */
    public static String summary(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(d -> d.counts(Severity.ERROR)).count();
        long warnings = diagnostics.stream().filter(d -> d.counts(Severity.WARNING)).count();
        long info = diagnostics.stream().filter(d -> d.counts(Severity.INFO)).count();
        long suppressed = diagnostics.stream().filter(Diagnostic::isSuppressed).count();
        return plural(errors, "error") + ", " + plural(warnings, "warning") + (info > 0 ? ", " + info + " info" : "")
                + (suppressed > 0 ? ", " + suppressed + " suppressed" : "");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
