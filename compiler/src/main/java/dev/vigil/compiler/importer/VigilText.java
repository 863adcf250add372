package dev.vigil.compiler.importer;

import dev.vigil.compiler.format.Formatter;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.Strings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How importers spell values in Vigil source. Every string goes through {@link #string}, every
 * name through {@link #name} or {@link #labelName}, and the finished file through {@link #format},
 * so quoting and layout are decided in one place each.
 */
public final class VigilText {
    /** Lines are kept within this width where the layout allows, as in the language's examples. */
    public static final int WIDTH = 100;
    private static final Pattern IDENT = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private VigilText() {
    }

    /**
     * The final layout of an imported file: {@code vigil fmt}'s, applied here and nowhere else. Text that
     * does not parse is kept as written, so that {@code vigil check} reports it where it stands.
     */
    public static String format(String path, String text) {
        return Formatter.format(path, text).formatted().orElse(text);
    }

    /**
     * A string literal for {@code value}. Text over several lines is back-quoted, as the language's
     * examples write descriptions, when nothing in it needs an escape; everything else is double-quoted
     * with Go's escapes, which the language's strings share with PromQL.
     */
    public static String string(String value) {
        boolean raw = value.indexOf('\n') >= 0 && value.indexOf('`') < 0
                && value.chars().noneMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f);
        return raw ? "`" + value + "`" : Strings.quote(value);
    }

    /** Whether {@code text} can stand as a bare name (a service, an alert, a receiver). */
    public static boolean isName(String text) {
        return IDENT.matcher(text).matches() && !numberLike(text);
    }

    /**
     * {@code text} as a bare name: every character the grammar does not allow in one becomes {@code _}
     * (and a leading digit gets one before it). The same input always gives the same name.
     */
    public static String safeName(String text) {
        if (isName(text)) {
            return text;
        }
        String s = text.replaceAll("[^A-Za-z0-9_]", "_");
        return s.isEmpty() || Character.isDigit(s.charAt(0)) || numberLike(s) ? "_" + s : s;
    }

    /** A label name, bare where the grammar allows it, else quoted as PromQL quotes UTF-8 label names. */
    public static String labelName(String name) {
        return isName(name) ? name : string(name);
    }

    /** A group name, bare where the grammar allows it, else as a string. */
    public static String groupName(String name) {
        return isName(name) ? name : string(name);
    }

    /** {@code Inf} and {@code NaN} lex as numbers. */
    private static boolean numberLike(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.equals("inf") || t.equals("nan");
    }

    /** A number as the language writes it: shortest exact decimal. */
    public static String number(BigDecimal value) {
        return QueryText.number(value);
    }

    /**
     * A name made from {@code raw} in lower snake case ({@code BucketReplicate} gives
     * {@code bucket_replicate}), runs of other characters as one {@code _}; {@code prefix} leads when
     * nothing is left or the name would start with a digit.
     */
    public static String snakeName(String raw, String prefix) {
        String s = raw == null ? "" : raw.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            return prefix;
        }
        return Character.isDigit(s.charAt(0)) || numberLike(s) ? prefix + "_" + s : s;
    }

    public static String duration(long millis) {
        return Durations.format(millis);
    }

    /** {@code [a, b]} of bare names, each quoted where it must be. */
    public static String nameList(List<String> names) {
        return names.stream().map(VigilText::labelName).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code ["a", "b"]}. */
    public static String stringList(List<String> values) {
        return values.stream().map(VigilText::string).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * A query after {@code head} (such as {@code "when "}) at {@code indent}: on the same line when it
     * fits, else on the lines below, two columns further in, broken as {@code vigil fmt} breaks PromQL.
     */
    public static String query(String head, Expr expr, int indent) {
        String flat = PromqlPrinter.print(expr);
        // A raw PromQL string over several lines keeps its text: it is not re-indented.
        if (indent + head.length() + flat.length() <= WIDTH || flat.indexOf('\n') >= 0) {
            return head + flat;
        }
        String pad = " ".repeat(indent + 2);
        String wrapped = PromqlPrinter.format(expr, null, WIDTH - indent - 2);
        return head.stripTrailing() + "\n" + pad + wrapped.replace("\n", "\n" + pad);
    }
}
