package dev.vigil.compiler.diag;

import java.util.ArrayList;
import java.util.List;

/** Just enough of Java's lexical structure to find string literals outside comments. */
final class JavaText {
    /** A string literal's text as written between its quotes (escapes kept), and its line. */
    record Literal(String value, int line) {
    }

    private JavaText() {
    }

    static List<Literal> stringLiterals(String java) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (java.startsWith("//", i)) {
                i = java.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(java, i, end);
                i = end;
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                out.add(new Literal(java.substring(i + 3, Math.max(i + 3, end - 3)), line));
                line += count(java, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && java.charAt(j) != c && java.charAt(j) != '\n') {
                    j += java.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.add(new Literal(java.substring(i + 1, Math.min(j, n)), line));
                }
                i = j < n && java.charAt(j) == c ? j + 1 : j;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
