package dev.vigil.compiler.index;

import dev.vigil.compiler.index.Occurrence.Form;
import dev.vigil.compiler.source.Span;

/** Finds a name inside the text of the node that holds it, and tells whether it is written there as it is. */
final class Locate {
    private Locate() {
    }

    /** Where a name stands and how it is written. */
    record Found(Span span, Form form) {
    }

    /** {@code span} without the expansion it belongs to: occurrences are places in the text. */
    static Span place(Span span) {
        return span.via() == null ? span
                : new Span(span.file(), span.line(), span.column(), span.endLine(), span.endColumn());
    }

    /** A name written bare ({@code CheckoutDown}) or as a plain string ({@code "CheckoutDown"}) at {@code at}. */
    static Found name(SourceText text, Span at, String name) {
        String written = text == null ? null : text.slice(at);
        if (written == null) {
            return new Found(place(at), Form.BUILT);
        }
        if (written.equals(name)) {
            return new Found(place(at), Form.WRITTEN);
        }
        String inner = plainString(written);
        if (inner != null && inner.equals(name)) {
            int[] r = text.range(at);
            return new Found(text.span(r[0] + 1, r[1] - 1), Form.WRITTEN);
        }
        return new Found(place(at), Form.BUILT);
    }

    /** {@code $name}, the last one in {@code at} (a matcher's value comes after its label); the span leaves out the {@code $}. */
    static Found dollar(SourceText text, Span at, String name) {
        int[] r = text == null ? null : text.range(at);
        if (r != null) {
            String s = text.text();
            String token = "$" + name;
            // Searched within the node only, so that finding costs the node's length, not the file's.
            for (int i = r[1] - token.length(); i >= r[0]; i--) {
                int end = i + token.length();
                if (s.startsWith(token, i) && (end >= s.length() || !isWordChar(s.charAt(end)))) {
                    return new Found(text.span(i + 1, end), Form.WRITTEN);
                }
            }
        }
        return new Found(place(at), Form.BUILT);
    }

    /**
     * A series name in a selector: written before its braces ({@code http_requests_total{...}}), else as a
     * {@code __name__} matcher or quoted name inside them.
     */
    static Found series(SourceText text, Span at, String name, boolean before) {
        int[] r = text == null ? null : text.range(at);
        if (r == null) {
            return new Found(place(at), Form.BUILT);
        }
        String s = text.text();
        if (before) {
            int end = r[0] + name.length();
            if (end <= r[1] && s.startsWith(name, r[0]) && (end >= s.length() || !isNameChar(s.charAt(end)))) {
                return new Found(text.span(r[0], end), Form.WRITTEN);
            }
            return new Found(place(at), Form.BUILT);
        }
        String inside = s.substring(r[0], r[1]);
        for (String quote : new String[] {"\"", "'", "`"}) {
            int i = inside.indexOf(quote + name + quote);
            if (i >= 0) {
                return new Found(text.span(r[0] + i + 1, r[0] + i + 1 + name.length()), Form.WRITTEN);
            }
        }
        return new Found(place(at), Form.BUILT);
    }

    /**
     * The two parts of {@code dashboard.panel}: bare names, or a plain string ({@code "overview.errors"})
     * that a template may also build.
     */
    static Found[] dotted(SourceText text, Span at, String first, String second) {
        String written = text == null ? null : text.slice(at);
        String inner = written == null ? null : plainString(written);
        if (inner != null && inner.equals(second == null ? first : first + "." + second)) {
            int start = text.range(at)[0] + 1;
            Found a = new Found(text.span(start, start + first.length()), Form.WRITTEN);
            Found b = second == null ? null : new Found(text.span(start + first.length() + 1,
                    start + first.length() + 1 + second.length()), Form.WRITTEN);
            return new Found[] {a, b};
        }
        return null;
    }

    /** The content of a quoted string with no escapes and no interpolation, or null. */
    static String plainString(String written) {
        if (written.length() < 2) {
            return null;
        }
        char q = written.charAt(0);
        if ((q != '"' && q != '\'' && q != '`') || written.charAt(written.length() - 1) != q) {
            return null;
        }
        String inner = written.substring(1, written.length() - 1);
        return inner.indexOf('\\') >= 0 || inner.contains("${") || inner.indexOf(q) >= 0 ? null : inner;
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static boolean isNameChar(char c) {
        return isWordChar(c) || c == ':';
    }
}
