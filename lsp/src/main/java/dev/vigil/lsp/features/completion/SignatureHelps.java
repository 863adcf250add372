package dev.vigil.lsp.features.completion;

import dev.vigil.grammar.VigilLexer;
import dev.vigil.lsp.features.Handler;
import dev.vigil.lsp.features.RequestContext;
import dev.vigil.lsp.text.LineIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;

/**
 * Signature help inside the parentheses of a PromQL function call or aggregation ({@code sum by (job) (},
 * {@code topk(5, }): the signature from {@link Signatures}, with the parameter the caret is in, counted by
 * the commas before it outside nested brackets. Read from the tokens, so an unfinished call works.
 */
public final class SignatureHelps implements Handler<SignatureHelpParams, SignatureHelp> {
    @Override
    public SignatureHelp handle(RequestContext context, SignatureHelpParams params) {
        Optional<Path> file = context.path(params.getTextDocument().getUri());
        Optional<LineIndex> lines = file.flatMap(context::lines);
        if (lines.isEmpty()) {
            return null;
        }
        Caret caret = Caret.at(lines.get(), lines.get().offset(params.getPosition()));
        if (caret.mode == Caret.Mode.NONE) {
            return null;
        }
        return at(caret).orElse(null);
    }

    static Optional<SignatureHelp> at(Caret caret) {
        int open = caret.unclosed(VigilLexer.LEFT_PAREN, VigilLexer.RIGHT_PAREN);
        while (open > caret.chunkStart) {
            Optional<Signatures.Signature> sig = callee(caret, open);
            if (sig.isPresent()) {
                int commas = commas(caret, open);
                SignatureHelp help = new SignatureHelp(List.of(sig.get().information()), 0, sig.get().active(commas));
                return Optional.of(help);
            }
            // A parenthesis that is no call (a grouping, `by (`): the call around it may still be.
            open = enclosing(caret, open);
        }
        return Optional.empty();
    }

    /** The function or aggregation whose argument list {@code open} opens. */
    private static Optional<Signatures.Signature> callee(Caret caret, int open) {
        Token before = caret.tokens.get(open - 1);
        if (before.getType() == VigilLexer.IDENT) {
            return Signatures.function(before.getText());
        }
        Optional<Signatures.Signature> aggregation = Signatures.aggregation(before.getText());
        if (aggregation.isPresent()) {
            return aggregation;
        }
        if (before.getType() == VigilLexer.RIGHT_PAREN) {
            // `sum by (job) (`: the grouping's parentheses, its keyword, then the operator.
            int groupOpen = matching(caret, open - 1);
            if (groupOpen >= 2) {
                int keyword = caret.tokens.get(groupOpen - 1).getType();
                if (keyword == VigilLexer.BY || keyword == VigilLexer.WITHOUT) {
                    return Signatures.aggregation(caret.tokens.get(groupOpen - 2).getText());
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code (} that the {@code )} at {@code close} closes, or -1. */
    private static int matching(Caret caret, int close) {
        int depth = 0;
        for (int i = close; i >= caret.chunkStart; i--) {
            int type = caret.tokens.get(i).getType();
            if (type == VigilLexer.RIGHT_PAREN) {
                depth++;
            } else if (type == VigilLexer.LEFT_PAREN && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The {@code (} still open around the one at {@code open}, or -1. */
    private static int enclosing(Caret caret, int open) {
        int depth = 0;
        for (int i = open - 1; i >= caret.chunkStart; i--) {
            int type = caret.tokens.get(i).getType();
            if (type == VigilLexer.RIGHT_PAREN) {
                depth++;
            } else if (type == VigilLexer.LEFT_PAREN) {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** The commas between {@code open} and the caret at the call's own level. */
    private static int commas(Caret caret, int open) {
        int depth = 0;
        int commas = 0;
        for (int i = open + 1; i < caret.index; i++) {
            int type = caret.tokens.get(i).getType();
            if (type == VigilLexer.LEFT_PAREN || type == VigilLexer.LEFT_BRACE || type == VigilLexer.LEFT_BRACKET) {
                depth++;
            } else if (type == VigilLexer.RIGHT_PAREN || type == VigilLexer.RIGHT_BRACE || type == VigilLexer.RIGHT_BRACKET) {
                depth--;
            } else if (type == VigilLexer.COMMA && depth == 0) {
                commas++;
            }
        }
        return commas;
    }
}
