package dev.vigil.compiler.importer.slo;

import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.Strings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes Vigil source text for importers: indented lines, and every literal through one function
 * per kind (strings through PromQL's Go quoting, which the Vigil lexer reads back). {@code vigil fmt}
 * gives the final layout; this only has to be valid and readable.
 */
public final class VigilText {
    private static final int WIDTH = 100;

    private final StringBuilder out = new StringBuilder();
    private int depth;

    /** A line at the current depth. */
    public VigilText line(String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
        return this;
    }

    /** A line {@code head} ending in an opening brace; one level deeper until {@link #close()}. */
    public VigilText open(String head) {
        line(head + " {");
        depth++;
        return this;
    }

    public VigilText close() {
        depth--;
        return line("}");
    }

    public VigilText blank() {
        out.append('\n');
        return this;
    }

    /** {@code keyword QUERY}, the query over several indented lines when it is long. */
    public VigilText query(String keyword, Expr expr) {
        return query(keyword + " ", expr, "");
    }

    /** {@code before QUERY after} on one line, the query over several indented lines when it is long. */
    public VigilText query(String before, Expr expr, String after) {
        String pad = "  ".repeat(depth);
        String text = PromqlPrinter.format(expr, null, Math.max(40, WIDTH - pad.length() - before.length()));
        out.append(pad).append(before).append(text.replace("\n", "\n" + pad + "  ")).append(after).append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** A string literal. */
    public static String quote(String value) {
        return Strings.quote(value);
    }

    public static String quoteAll(List<String> values) {
        return "[" + values.stream().map(VigilText::quote).collect(Collectors.joining(", ")) + "]";
    }

    public static String number(BigDecimal value) {
        return QueryText.number(value);
    }

    public static String duration(long millis) {
        return Durations.format(millis);
    }

    /**
     * A name the grammar accepts, made from {@code raw}: lower snake case ({@code BucketReplicate} gives {@code bucket_replicate}), runs of other characters as one
     * {@code _}; {@code prefix} leads when nothing is left or it would start with a digit.
     */
    public static String name(String raw, String prefix) {
        String s = raw == null ? "" : raw.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            return prefix;
        }
        return Character.isDigit(s.charAt(0)) ? prefix + "_" + s : s;
    }

    /** Whether {@code text} is already a name, as written ({@code AetherDown}, {@code tenant_id}). */
    public static boolean isName(String text) {
        return text != null && text.matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
