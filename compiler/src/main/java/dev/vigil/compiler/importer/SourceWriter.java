package dev.vigil.compiler.importer;

import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.PromqlPrinter;

/**
 * Builds the lines of an imported file: indentation by block depth, and queries broken over several
 * lines when they are long. Values are spelled by {@link VigilText}; {@code vigil fmt} gives the
 * final layout.
 */
public final class SourceWriter {
    private final StringBuilder out = new StringBuilder();
    private int depth;

    /** A line at the current depth. */
    public SourceWriter line(String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
        return this;
    }

    /** A line {@code head} ending in an opening brace; one level deeper until {@link #close()}. */
    public SourceWriter open(String head) {
        line(head + " {");
        depth++;
        return this;
    }

    public SourceWriter close() {
        depth--;
        return line("}");
    }

    public SourceWriter blank() {
        out.append('\n');
        return this;
    }

    /** {@code keyword QUERY}, the query over several indented lines when it is long. */
    public SourceWriter query(String keyword, Expr expr) {
        return query(keyword + " ", expr, "");
    }

    /** {@code before QUERY after} on one line, the query over several indented lines when it is long. */
    public SourceWriter query(String before, Expr expr, String after) {
        String pad = "  ".repeat(depth);
        String text = PromqlPrinter.format(expr, null, Math.max(40, VigilText.WIDTH - pad.length() - before.length()));
        out.append(pad).append(before).append(text.replace("\n", "\n" + pad + "  ")).append(after).append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
