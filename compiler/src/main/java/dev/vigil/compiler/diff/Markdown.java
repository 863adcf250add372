package dev.vigil.compiler.diff;

import java.util.stream.Collectors;

/** Markdown quoting for the report: code spans that survive any backtick, and prose escaped around them. */
final class Markdown {
    private Markdown() {
    }

    /** {@code s} as one code span, with a fence longer than any run of backticks inside it. */
    static String code(String s) {
        int longest = 0;
        int run = 0;
        for (char c : s.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
        return fence + pad + s.replace('\n', ' ') + pad + fence;
    }

    /** Text inside an HTML element. */
    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Text with Markdown's and HTML's special characters escaped. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\`*_[]<>|#~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' ? ' ' : c);
        }
        return out.toString();
    }

    /** Prose whose {@code `code`} spans are kept and the rest escaped. */
    static String prose(String s) {
        StringBuilder out = new StringBuilder();
        String[] parts = s.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean inCode = i % 2 == 1 && i < parts.length - 1;
            out.append(inCode ? code(parts[i]) : escape(parts[i]));
        }
        return out.toString();
    }

    /** A change as a list item: its name and values as code, the rest as prose. */
    static String line(Change c) {
        if (c.action() == Change.Action.EFFECT) {
            return prose(c.detail());
        }
        String fields = c.fields().stream().map(Markdown::field).collect(Collectors.joining(", "));
        String detail = prose(c.detail());
        String rest = fields.isEmpty() ? detail : detail.isEmpty() ? fields : fields + "; " + detail;
        return code(c.name()) + (rest.isEmpty() ? "" : ": " + rest) + DiffText.from(c.templates(), Markdown::code);
    }

    /** A template change as a list item, as {@link DiffText#line(TemplateChange)} words it. */
    static String line(TemplateChange t) {
        String what = t.fields().isEmpty() ? prose(t.detail())
                : t.fields().stream().map(Markdown::field).collect(Collectors.joining(", "));
        return code(t.name()) + ": " + what + "; " + escape(t.reach().text());
    }

    private static String field(Change.Field f) {
        if (f.summary() != null) {
            return prose(f.summary());
        }
        return (f.name().isEmpty() ? "" : escape(f.name()) + " ") + code(f.before()) + " → " + code(f.after());
    }
}
