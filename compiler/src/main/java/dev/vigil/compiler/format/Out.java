package dev.vigil.compiler.format;

import dev.vigil.compiler.parse.SyntaxTree.Leaf;
import dev.vigil.compiler.parse.SyntaxTree.Trivia;

/**
 * The text being printed, one token at a time. Line breaks are requested, not written: a comment
 * that trails the previous token must still land on that token's line, so the break waits for it.
 */
final class Out {
    private final StringBuilder text = new StringBuilder();
    private int column;
    /** The last token written opens a block or list: no blank line may follow it. */
    private boolean afterOpen = true;
    private boolean lineRequested;
    private int requestedIndent;
    private boolean blankAllowed;
    private boolean glue;

    /** The column the next token starts at, unless a comment moves it. */
    int column() {
        if (lineRequested) {
            return requestedIndent;
        }
        return glue || atLineStart() || endsWithSpace() ? column : column + 1;
    }

    /** Where a comment before the next token goes when it must start a line: the requested line, else {@code cont}. */
    int commentIndent(int cont) {
        return lineRequested ? requestedIndent : cont;
    }

    /** The next token starts a line at {@code indent}; {@code blank} keeps one blank line written before it. */
    void line(int indent, boolean blank) {
        lineRequested = true;
        requestedIndent = indent;
        blankAllowed = blank;
    }

    /** The next token follows the previous one without a space. */
    void glue() {
        glue = true;
    }

    /**
     * Writes {@code leaf} with the comments before it. An own-line comment goes at {@code commentIndent};
     * blank lines above it stay (one at most) when {@code blanks} or the requested line allows them.
     */
    void token(Leaf leaf, int commentIndent, boolean blanks) {
        int indent = lineRequested ? requestedIndent : commentIndent;
        boolean blankBeforeComments = blanks || lineRequested && blankAllowed;
        boolean glued = glue;
        glue = false;
        for (Trivia c : leaf.comments()) {
            if (c.ownLine() || atLineStart()) {
                breakLine();
                if (c.blankLinesBefore() > 0 && blankBeforeComments && !afterOpen) {
                    text.append('\n');
                }
                pad(commentIndent);
                // The requested line has begun; a token after an inline comment continues it.
                lineRequested = false;
            } else if (!glued || !endsWithOpening()) {
                write(" ");
            }
            write(c.text());
            afterOpen = false;
            if (c.lineBreakAfter()) {
                newline();
            }
        }
        if (leaf.text().isEmpty()) {
            lineRequested = false;
            return;
        }
        if (lineRequested || atLineStart()) {
            breakLine();
            if (leaf.blankLinesBefore() > 0 && blankAllowed && !afterOpen) {
                text.append('\n');
            }
            pad(indent);
        } else if (!glued && !endsWithSpace()) {
            write(" ");
        }
        lineRequested = false;
        write(leaf.text());
        afterOpen = leaf.type().equals("LEFT_BRACE") || leaf.type().equals("LEFT_BRACKET");
    }

    /** The text, ending in exactly one line break. */
    String finish() {
        if (!atLineStart()) {
            newline();
        }
        while (text.length() > 1 && text.charAt(text.length() - 1) == '\n' && text.charAt(text.length() - 2) == '\n') {
            text.setLength(text.length() - 1);
        }
        return text.length() == 1 ? "" : text.toString();
    }

    String text() {
        return text.toString();
    }

    private boolean atLineStart() {
        return text.length() == 0 || text.charAt(text.length() - 1) == '\n';
    }

    private boolean endsWithOpening() {
        char last = text.length() == 0 ? ' ' : text.charAt(text.length() - 1);
        return last == '(' || last == '[';
    }

    private boolean endsWithSpace() {
        return text.length() > 0 && text.charAt(text.length() - 1) == ' ';
    }

    private void breakLine() {
        if (!atLineStart()) {
            newline();
        }
    }

    private void newline() {
        while (endsWithSpace()) {
            text.setLength(text.length() - 1);
        }
        text.append('\n');
        column = 0;
    }

    private void pad(int indent) {
        text.append(" ".repeat(Math.max(0, indent)));
        column = Math.max(0, indent);
    }

    /** Pads with spaces up to {@code target}, or writes one space when already past it. */
    void alignTo(int target) {
        if (lineRequested) {
            return;
        }
        write(column < target ? " ".repeat(target - column) : " ");
        glue = true;
    }

    private void write(String s) {
        text.append(s);
        int nl = s.lastIndexOf('\n');
        column = nl < 0 ? column + s.codePointCount(0, s.length())
                : s.codePointCount(nl + 1, s.length());
    }
}
