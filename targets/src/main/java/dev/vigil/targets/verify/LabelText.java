package dev.vigil.targets.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Label sets as promtool prints them ({@code {a="1", b="x\ny"}}: Go's quoting) and as Vigil shows
 * them back to a reader.
 */
final class LabelText {
    private LabelText() {
    }

    /** A quoted string and the index just past its closing quote. */
    record Quoted(String value, int end) {
    }

    /** The labels of {@code {a="1", b="2"}}; what cannot be read is left out. */
    static SortedMap<String, String> parse(String text) {
        SortedMap<String, String> out = new TreeMap<>();
        String t = text.strip();
        int i = t.startsWith("{") ? 1 : 0;
        while (i < t.length()) {
            while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == ',')) {
                i++;
            }
            int eq = t.indexOf('=', i);
            if (eq < 0 || t.charAt(i) == '}') {
                break;
            }
            String name = t.substring(i, eq).strip();
            if (eq + 1 >= t.length() || t.charAt(eq + 1) != '"') {
                break;
            }
            Quoted q = unquote(t, eq + 1);
            out.put(name, q.value());
            i = q.end();
        }
        return out;
    }

    /** The index just past the {@code }} closing the label set that opens at {@code start}, or -1. */
    static int end(String text, int start) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i = unquote(text, i).end();
            } else if (c == '}') {
                return i + 1;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The Go-quoted string opening at {@code start} (a {@code "}). */
    static Quoted unquote(String text, int start) {
        StringBuilder b = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return new Quoted(b.toString(), i + 1);
            }
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                switch (n) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'u' -> {
                        if (i + 4 < text.length()) {
                            b.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                    }
                    default -> b.append(n);
                }
            } else {
                b.append(c);
            }
            i++;
        }
        return new Quoted(b.toString(), text.length());
    }

    /** A value as the reader compares it: quoted, a line break as {@code \n}. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }

    /** {@code {a="1", b="2"}}. */
    static String show(Map<String, String> labels) {
        List<String> parts = new ArrayList<>();
        labels.forEach((k, v) -> parts.add(k + "=" + quote(v)));
        return "{" + String.join(", ", parts) + "}";
    }

    /** A series: {@code name{a="1"}} when it has a name. */
    static String series(Map<String, String> labels) {
        Map<String, String> rest = new TreeMap<>(labels);
        String name = rest.remove("__name__");
        return (name == null ? "" : name) + show(rest);
    }
}
