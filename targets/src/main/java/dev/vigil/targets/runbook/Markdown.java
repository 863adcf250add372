package dev.vigil.targets.runbook;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown escaping for text that must appear literally: names, label values, queries, commands
 * and URLs. Prose the user wrote for a runbook (triage steps, meaning) is Markdown by intent, but
 * {@link #markdown} keeps it from carrying raw HTML or a link to anything but the web, and
 * {@link #prose} also keeps it inside the list item or table cell it sits in.
 */
public final class Markdown {
    private static final Pattern BACKTICKS = Pattern.compile("`+");
    /** A CommonMark autolink to the web, which is safe to keep; any other {@code <} could open HTML. */
    private static final Pattern WEB_AUTOLINK = Pattern.compile("<https?://[^\\x00-\\x20<>\"'`\\\\\\x7f]+>",
            Pattern.CASE_INSENSITIVE);
    /** What a renderer decodes as a character reference; {@code &#106;avascript:} is {@code javascript:}. */
    private static final Pattern ENTITY = Pattern.compile("&#?[A-Za-z0-9]+;");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");

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

    /**
     * Text escaped just enough that it is never markup wherever it sits in a line: no emphasis, link,
     * code, HTML, table cell break or heading, and no character reference. What {@code ${value}}
     * writes in a runbook template; lighter than {@link #text}, so numbers like {@code 99.9} stay as
     * they are.
     */
    public static String literal(String s) {
        String one = oneLine(s);
        StringBuilder out = new StringBuilder(one.length());
        for (int i = 0; i < one.length(); i++) {
            char c = one.charAt(i);
            if ("\\`*_[]<>#|~".indexOf(c) >= 0 || c == '&' && ENTITY.matcher(one).region(i, one.length()).lookingAt()) {
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
        return fence + oneLine(language).replaceAll("[^A-Za-z0-9_+.-]", "") + "\n" + s.strip() + "\n" + fence;
    }

    /**
     * A link whose title is literal text and whose target survives spaces and parentheses. A target
     * that is neither a web URL nor a relative path (a {@code javascript:} or {@code data:} URL) is
     * dropped, and the title stays as text.
     */
    public static String link(String title, String url) {
        if (!isSafeTarget(url)) {
            return text(title);
        }
        return "[" + text(title) + "](<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">)";
    }

    /** Prose kept as Markdown ({@link #markdown}), folded onto one line so it stays inside its list item or cell. */
    public static String prose(String s) {
        return markdown(oneLine(s)).replace("|", "\\|");
    }

    /**
     * The user's Markdown, without what would run in a reader's browser: a {@code <} that opens no web
     * autolink is written {@code &lt;} (no raw HTML), a character reference loses its meaning
     * ({@code &amp;}), a link whose target is not a web URL or relative path is no link
     * ({@code ]\(}), and no link reference definition ({@code [x]: ...}) is made. Code spans on one
     * line are kept as written, since nothing in them is markup; one that might not be a code span to a
     * renderer is escaped instead, which at worst shows an escape.
     */
    public static String markdown(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && isAsciiPunctuation(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                i = codeSpan(s, i, out);
            } else if (c == '<') {
                Matcher m = WEB_AUTOLINK.matcher(s).region(i, s.length());
                if (m.lookingAt()) {
                    out.append(m.group());
                    i = m.end();
                } else {
                    out.append("&lt;");
                    i++;
                }
            } else if (c == '&') {
                out.append(ENTITY.matcher(s).region(i, s.length()).lookingAt() ? "&amp;" : "&");
                i++;
            } else if (c == ']' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
                out.append("]\\:");
                i += 2;
            } else if (c == ']' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                out.append(isSafeTarget(destination(s, i + 2)) ? "](" : "]\\(");
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** A run of backticks at {@code start}: with its closing run on the same line, copied whole; else as written. */
    private static int codeSpan(String s, int start, StringBuilder out) {
        int end = start;
        while (end < s.length() && s.charAt(end) == '`') {
            end++;
        }
        int length = end - start;
        int lineEnd = s.indexOf('\n', end);
        lineEnd = lineEnd < 0 ? s.length() : lineEnd;
        Matcher m = BACKTICKS.matcher(s).region(end, lineEnd);
        while (m.find()) {
            if (m.group().length() == length) {
                out.append(s, start, m.end());
                return m.end();
            }
        }
        out.append(s, start, end);
        return end;
    }

    /** The text a renderer may take as the target of {@code [..](} at {@code from}, loosely: up to a space or {@code )}. */
    private static String destination(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        StringBuilder d = new StringBuilder();
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ')' || c == '>' || Character.isWhitespace(c)) {
                break;
            }
            if (c != '<') {
                d.append(c);
            }
        }
        return d.toString();
    }

    /**
     * Whether a link to {@code url} is harmless: a web or mail URL, or one without a scheme (a path
     * relative to the runbook). Escapes and invisible characters do not hide a scheme: browsers
     * ignore tabs and newlines inside {@code java\tscript:}.
     */
    static boolean isSafeTarget(String url) {
        StringBuilder plain = new StringBuilder();
        for (char c : url.toCharArray()) {
            if (c != '\\' && c > ' ' && c != 0x7f) {
                plain.append(c);
            }
        }
        Matcher scheme = SCHEME.matcher(plain.toString().toLowerCase(Locale.ROOT));
        if (!scheme.find()) {
            // No scheme before the first `/`, `?` or `#`: a relative path. One that a colon would make
            // a scheme anyway (`a/b:c` is not one) is caught above.
            return true;
        }
        return switch (scheme.group(1)) {
            case "http", "https", "mailto" -> true;
            default -> false;
        };
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
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
