package dev.vigil.compiler.golden;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.diag.TextRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expected diagnostics of an {@code X.vigil} snippet, kept in {@code X.errors}: one per line,
 * {@code LINE:COL SEVERITY ID MESSAGE-PREFIX}. A finding inside a template or {@code for} block is
 * followed by its {@code = note: in the expansion of `red` at X.vigil:12:3} lines, exactly as the
 * text form prints them ({@link TextRenderer#notes}); the notes must all be there, in order, since
 * they are what tells one expansion's finding from another's. A {@code = hint: ...} line after them,
 * where written, must be the hint itself; files written before hints were kept leave it out.
 * Blank lines and lines starting with {@code #} are ignored. A snippet that must compile cleanly has
 * an empty file.
 *
 * <p>Lives in main code, as Smithy's runner does, so every module can reuse it.
 */
public final class ErrorFile {
    private static final Pattern LINE = Pattern.compile("(\\d+):(\\d+)\\s+(error|warning|info|suppressed)\\s+(\\S+)\\s*(.*)");
    private static final String NOTE = "= ";
    private static final String HINT = "hint: ";

    /** One expected diagnostic; a null severity stands for a suppressed one, written {@code suppressed}. */
    public record Expected(int line, int column, Severity severity, String code, String messagePrefix,
            List<String> notes, String hint) {
        public Expected {
            notes = List.copyOf(notes);
        }

        public Expected(int line, int column, Severity severity, String code, String messagePrefix) {
            this(line, column, severity, code, messagePrefix, List.of(), null);
        }

        boolean matches(Diagnostic d) {
            return d.span().line() == line && d.span().column() == column
                    && (severity == null ? d.isSuppressed() : !d.isSuppressed() && d.severity() == severity)
                    && d.code().equals(code) && d.message().startsWith(messagePrefix)
                    && TextRenderer.notes(d).equals(notes) && (hint == null || hint.equals(d.hint()));
        }

        @Override
        public String toString() {
            return line + ":" + column + " " + label(severity) + " " + code + " " + messagePrefix + noteLines(notes, hint);
        }
    }

    /** A hint of one line, which an errors file can hold; null otherwise. */
    private static String oneLine(String hint) {
        return hint == null || hint.indexOf('\n') >= 0 ? null : hint;
    }

    /** The note and hint lines as an errors file writes them under their finding. */
    private static String noteLines(List<String> notes, String hint) {
        return notes.stream().map(n -> "\n  " + NOTE + n).reduce("", String::concat)
                + (hint == null ? "" : "\n  " + NOTE + HINT + hint);
    }

    private static String label(Severity severity) {
        return severity == null ? "suppressed" : severity.label();
    }

    private static String label(Diagnostic d) {
        return d.isSuppressed() ? "suppressed" : d.severity().label();
    }

    private ErrorFile() {
    }

    public static List<Expected> parse(String text) {
        List<Expected> out = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean note = line.startsWith(NOTE + "note:");
            if (note || line.startsWith(NOTE + HINT)) {
                Expected last = out.isEmpty() ? null : out.remove(out.size() - 1);
                if (last == null || last.hint() != null) {
                    throw new IllegalArgumentException("A note or hint that follows no expected diagnostic: " + raw);
                }
                List<String> notes = new ArrayList<>(last.notes());
                if (note) {
                    notes.add(line.substring(NOTE.length()));
                }
                out.add(new Expected(last.line(), last.column(), last.severity(), last.code(), last.messagePrefix(), notes,
                        note ? null : line.substring(NOTE.length() + HINT.length())));
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("Not an expected-diagnostic line: " + raw);
            }
            out.add(new Expected(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3).equals("suppressed") ? null : Severity.parse(m.group(3)), m.group(4), m.group(5)));
        }
        return out;
    }

    /** The text of an errors file that expects exactly these diagnostics (used to regenerate). */
    public static String format(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append(d.span().line()).append(':').append(d.span().column()).append(' ').append(label(d))
                    .append(' ').append(d.code()).append(' ').append(d.message())
                    .append(noteLines(TextRenderer.notes(d), oneLine(d.hint()))).append('\n');
        }
        return out.toString();
    }

    /**
     * Compares actual diagnostics with the expectations. Returns the problems, one per line: expected
     * diagnostics that did not appear, and diagnostics nobody expected. Empty means they agree.
     */
    public static List<String> compare(List<Expected> expected, List<Diagnostic> actual) {
        List<Diagnostic> unmatched = new ArrayList<>(actual);
        List<String> problems = new ArrayList<>();
        for (Expected e : expected) {
            Diagnostic hit = null;
            for (Diagnostic d : unmatched) {
                if (e.matches(d)) {
                    hit = d;
                    break;
                }
            }
            if (hit == null) {
                problems.add("missing:    " + e);
            } else {
                unmatched.remove(hit);
            }
        }
        for (Diagnostic d : unmatched) {
            problems.add("unexpected: " + d.span().line() + ":" + d.span().column() + " " + label(d) + " "
                    + d.code() + " " + d.message() + noteLines(TextRenderer.notes(d), d.hint()));
        }
        return problems;
    }
}
