package dev.vigil.targets.runbook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown escaping for text that must appear literally: names, label values, queries, commands
 * and URLs. Prose the user wrote for a runbook (triage steps, meaning) is Markdown by intent and is
 * not escaped, except that it cannot break out of the list item or table cell it sits in.
 */
public final class Markdown {
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private Markdown() {
    }

    /** Literal text in running prose: every Markdown metacharacter is backslash-escaped. */
    public static String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : oneLine(s).toCharArray()) {
            if ("\\`*_{}[]()<>#+-.!|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Inline code, fenced with more backticks than the text contains. */
    public static String code(String s) {
        String one = oneLine(s);
        String fence = "`".repeat(longestBacktickRun(one) + 1);
        String pad = one.startsWith("`") || one.endsWith("`") ? " " : "";
        return fence + pad + one + pad + fence;
    }

    /** Inline code inside a table cell, where GFM needs `|` escaped even within code. */
    public static String cellCode(String s) {
        return code(s).replace("|", "\\|");
    }

    /** A fenced code block; the fence is longer than any backtick run inside. */
    public static String block(String s, String language) {
        String fence = "`".repeat(Math.max(3, longestBacktickRun(s) + 1));
        return fence + language + "\n" + s.strip() + "\n" + fence;
    }

    /** A link whose title is literal text and whose target survives spaces and parentheses. */
    public static String link(String title, String url) {
        return "[" + text(title) + "](<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">)";
    }

    /** Prose kept as Markdown, folded onto one line so it stays inside its list item or cell. */
    public static String prose(String s) {
        return oneLine(s).replace("|", "\\|");
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", "\n").replace('\r', ' ').replace('\n', ' ').strip();
    }

    private static int longestBacktickRun(String s) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(s);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        return longest;
    }
}
