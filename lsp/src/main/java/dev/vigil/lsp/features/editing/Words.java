package dev.vigil.lsp.features.editing;

import dev.vigil.grammar.VigilLexer;
import dev.vigil.grammar.VigilParser;
import java.util.Locale;

/** The grammar's reserved words, as completion offers them and semantic tokens mark them. */
public final class Words {
    private Words() {
    }

    /**
     * The word a token type stands for, or null for a token that is not one: the DSL's words are literals
     * of the vocabulary; PromQL's, case-insensitive, have no literal, and are their symbolic names in lower case.
     */
    public static String of(int type) {
        String literal = VigilParser.VOCABULARY.getLiteralName(type);
        if (literal != null) {
            return Character.isLetter(literal.charAt(1)) ? literal.substring(1, literal.length() - 1) : null;
        }
        if (type >= VigilLexer.AND && type <= VigilLexer.FILL_RIGHT) {
            return VigilParser.VOCABULARY.getSymbolicName(type).toLowerCase(Locale.ROOT);
        }
        return null;
    }

    public static boolean isWord(int type) {
        return of(type) != null;
    }

    /** A word of the DSL, not of PromQL. */
    public static boolean isDslWord(int type) {
        return type >= VigilLexer.IMPORT && type <= VigilLexer.IN;
    }
}
