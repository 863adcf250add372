package dev.vigil.lsp.features.completion;

import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.grammar.VigilLexer;
import dev.vigil.lsp.text.LineIndex;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Where a completion or signature request stands in the current text, read from the lexer's tokens (the
 * text at a caret rarely parses): the word being typed and the range an item replaces, the tokens before
 * it, and the top-level declaration they belong to. A word is letters, digits, {@code _} and {@code :};
 * with a {@code $} before it, it is a constant being typed; inside a string (or after an opening quote
 * not closed yet) the string is what an item replaces.
 */
final class Caret {
    enum Mode {
        WORD, CONSTANT, STRING, NONE
    }

    final String text;
    final int offset;
    /** The default-channel tokens of the whole text, without EOF. */
    final List<Token> tokens;
    /** Where each of {@link #tokens} starts and ends in the text, in {@code char}s (the lexer counts code points). */
    final int[] starts;
    final int[] ends;
    /** The index in {@link #tokens} of the token being typed (or of the next one): the candidates are for this place. */
    final int index;
    /** Where the declaration holding the caret starts, an index in {@link #tokens}. */
    final int chunkStart;
    final int replaceStart;
    final int replaceEnd;
    final Mode mode;

    private Caret(String text, int offset, List<Token> tokens, int[] starts, int[] ends, int index, int chunkStart,
            int replaceStart, int replaceEnd, Mode mode) {
        this.text = text;
        this.offset = offset;
        this.tokens = tokens;
        this.starts = starts;
        this.ends = ends;
        this.index = index;
        this.chunkStart = chunkStart;
        this.replaceStart = replaceStart;
        this.replaceEnd = replaceEnd;
        this.mode = mode;
    }

    static Caret at(LineIndex lines, int offset) {
        return at(lines, lex(lines.text()), offset);
    }

    /** Every token of a text, on every channel, without EOF. */
    static List<Token> lex(String text) {
        VigilLexer lexer = new VigilLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> all = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            all.add(t);
        }
        return all;
    }

    /** The caret at {@code offset} of a text whose tokens ({@link #lex}) are {@code all}. */
    static Caret at(LineIndex lines, List<Token> all, int offset) {
        String text = lines.text();
        List<Token> tokens = new ArrayList<>();
        List<int[]> places = new ArrayList<>();
        Mode mode = Mode.WORD;
        int replaceStart = -1;
        int replaceEnd = offset;
        for (Token t : all) {
            int start = lines.offset(t.getLine(), t.getCharPositionInLine() + 1);
            int end = start + t.getText().length();
            boolean inside = start < offset && offset < end;
            // A line comment runs to the end of its line, so the end of it is still in it.
            boolean lineComment = t.getType() == VigilLexer.LINE_COMMENT || t.getType() == VigilLexer.HASH_COMMENT;
            if (lineComment && start < offset && offset <= end || inside && t.getType() == VigilLexer.BLOCK_COMMENT) {
                mode = Mode.NONE;
            }
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (inside && t.getType() == VigilLexer.STRING) {
                mode = Mode.STRING;
                replaceStart = start;
                replaceEnd = end;
            }
            tokens.add(t);
            places.add(new int[] {start, end});
        }
        int[] starts = places.stream().mapToInt(p -> p[0]).toArray();
        int[] ends = places.stream().mapToInt(p -> p[1]).toArray();
        if (mode == Mode.WORD) {
            int word = offset;
            while (word > 0 && wordChar(text.charAt(word - 1))) {
                word--;
            }
            replaceStart = word;
            if (word > 0 && text.charAt(word - 1) == '$') {
                mode = Mode.CONSTANT;
                replaceStart = word - 1;
            } else if (word > 0 && (text.charAt(word - 1) == '"' || text.charAt(word - 1) == '\'')
                    && openQuote(tokens, starts, word - 1)) {
                mode = Mode.STRING;
                replaceStart = word - 1;
            }
        }
        int index = 0;
        while (index < tokens.size() && starts[index] < replaceStart) {
            index++;
        }
        return new Caret(text, offset, tokens, starts, ends, index, chunkStart(tokens, index), replaceStart, replaceEnd,
                mode);
    }

    static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    /** Whether the quote at {@code at} opens a string the lexer could not close (it is a token of its own). */
    private static boolean openQuote(List<Token> tokens, int[] starts, int at) {
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] == at) {
                return tokens.get(i).getType() == VigilLexer.UNEXPECTED_CHAR;
            }
        }
        return false;
    }

    /** The start of the top-level declaration the caret is in, split as the compiler's tolerant parse splits a file. */
    private static int chunkStart(List<Token> tokens, int before) {
        List<Integer> starts = VigilSourceParser.declarationStarts(tokens.subList(0, before));
        return starts.get(starts.size() - 1);
    }

    /** The text typed so far that an item replaces. */
    String typed() {
        return text.substring(replaceStart, Math.min(offset, text.length()));
    }

    /** The type of the token {@code back} places before the caret's token (1 is the one just before), or -1. */
    int before(int back) {
        int i = index - back;
        return i >= chunkStart && i >= 0 ? tokens.get(i).getType() : -1;
    }

    Token tokenBefore(int back) {
        int i = index - back;
        return i >= 0 ? tokens.get(i) : null;
    }

    /** The types of the tokens of the caret's declaration before the caret. */
    int[] prefixTypes() {
        int[] types = new int[index - chunkStart];
        for (int i = chunkStart; i < index; i++) {
            types[i - chunkStart] = tokens.get(i).getType();
        }
        return types;
    }

    /**
     * Shorter token sequences that leave the grammar in the same place at the caret, to walk instead of the
     * whole declaration, shortest first; the last is the declaration with every brace block closed before the
     * caret emptied. Every brace block of the grammar may be empty, and dropping complete members from a body
     * leaves a body, so each is as grammatical as the text: a block the caret is not in becomes {@code { }},
     * and of each body the caret is in only the member it is in is kept, which starts a line (as {@code vigil
     * fmt} writes members). Which line starts the innermost member is tried from the nearest up: a line that
     * continues a member does not parse on its own, and its walk finds nothing.
     */
    List<int[]> prefixAttempts() {
        int n = index - chunkStart;
        int[] match = new int[n];
        java.util.Arrays.fill(match, -1);
        int[] depth = new int[n];
        // Open parentheses and brackets: a line inside them continues a query or a list, it starts no member.
        int[] nesting = new int[n + 1];
        java.util.Deque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            int type = tokens.get(chunkStart + i).getType();
            depth[i] = open.size();
            nesting[i + 1] = nesting[i] + (type == VigilLexer.LEFT_PAREN || type == VigilLexer.LEFT_BRACKET ? 1
                    : type == VigilLexer.RIGHT_PAREN || type == VigilLexer.RIGHT_BRACKET ? -1 : 0);
            if (type == VigilLexer.LEFT_BRACE) {
                open.push(i);
            } else if (type == VigilLexer.RIGHT_BRACE && !open.isEmpty()) {
                int o = open.pop();
                match[o] = i;
                depth[i] = open.size();
            }
        }
        List<Integer> opens = new ArrayList<>(open);
        java.util.Collections.reverse(opens);
        List<int[]> attempts = new ArrayList<>();
        if (!opens.isEmpty()) {
            int inner = opens.get(opens.size() - 1);
            List<Integer> starts = new ArrayList<>();
            for (int i = n - 1; i > inner && starts.size() < 24; i--) {
                if (depth[i] == opens.size() && nesting[i] == nesting[inner + 1] && startsLine(chunkStart + i)
                        && !closes(tokens.get(chunkStart + i).getType())) {
                    starts.add(i);
                }
            }
            starts.add(inner + 1);
            for (int start : starts) {
                List<Integer> kept = new ArrayList<>();
                int from = 0;
                for (int k = 0; k < opens.size(); k++) {
                    int brace = opens.get(k);
                    collapse(kept, match, memberStart(from, brace, k, depth, nesting), brace);
                    kept.add(VigilLexer.LEFT_BRACE);
                    from = brace + 1;
                }
                collapse(kept, match, start, n);
                attempts.add(kept.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        List<Integer> all = new ArrayList<>();
        collapse(all, match, 0, n);
        attempts.add(all.stream().mapToInt(Integer::intValue).toArray());
        return attempts;
    }

    /** Where the member of the body at {@code depth} that holds the brace at {@code brace} starts: the last line start before it. */
    private int memberStart(int from, int brace, int level, int[] depth, int[] nesting) {
        if (level == 0) {
            return from;
        }
        for (int i = brace - 1; i > from; i--) {
            if (depth[i] == level && nesting[i] == nesting[from] && startsLine(chunkStart + i)
                    && !closes(tokens.get(chunkStart + i).getType())) {
                return i;
            }
        }
        return from;
    }

    /** A closing bracket ends a member, never starts one: `}` alone on a line closes the block before it. */
    private static boolean closes(int type) {
        return type == VigilLexer.RIGHT_BRACE || type == VigilLexer.RIGHT_PAREN || type == VigilLexer.RIGHT_BRACKET;
    }

    private boolean startsLine(int i) {
        return i == 0 || tokens.get(i - 1).getLine() < tokens.get(i).getLine();
    }

    /** Adds the types of the tokens from {@code from} to {@code to}, each block closed before {@code to} as {@code { }}. */
    private void collapse(List<Integer> out, int[] match, int from, int to) {
        for (int i = from; i < to; i++) {
            out.add(tokens.get(chunkStart + i).getType());
            if (match[i] >= 0 && match[i] < to) {
                out.add(VigilLexer.RIGHT_BRACE);
                i = match[i];
            }
        }
    }

    /**
     * The index of the innermost bracket of {@code open}'s kind that is still open before the caret, within
     * the caret's declaration; -1 when there is none.
     */
    int unclosed(int open, int close) {
        int depth = 0;
        for (int i = index - 1; i >= chunkStart; i--) {
            int type = tokens.get(i).getType();
            if (type == close) {
                depth++;
            } else if (type == open) {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }
}
