package dev.vigil.compiler.parse;

import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.promql.Strings;
import dev.vigil.compiler.source.Span;
import dev.vigil.grammar.VigilLexer;
import dev.vigil.grammar.VigilParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * What the AST builder needs after syntax errors: which declarations are damaged, and what it left
 * out. A declaration is damaged when a rule inside it failed, when the parser made up a token that
 * carries meaning (a name, a value; a made-up closing bracket is harmless), when it skipped tokens
 * in it (what follows may have been read in the wrong place), or when a token's value was invented
 * to go on. Declarations nested in it are judged on their own, so one broken alert
 * leaves its service, and the other alerts in it, whole.
 */
final class Tolerance {
    private final boolean syntaxErrors;
    private final Set<Long> invented;
    private final Set<ParserRuleContext> madeUp;
    final List<VigilFile.Broken> broken = new ArrayList<>();
    /** Errors the declarations built so far left out with themselves; the rest belong to the one being built. */
    int claimed;

    Tolerance(boolean syntaxErrors, Set<Long> invented, Set<ParserRuleContext> madeUp) {
        this.syntaxErrors = syntaxErrors;
        this.invented = invented;
        this.madeUp = madeUp;
    }

    boolean syntaxErrors() {
        return syntaxErrors;
    }

    /** Declarations the builder builds one by one; a damaged one is left out without its neighbours. */
    private static boolean isUnit(ParseTree node) {
        return node instanceof VigilParser.TopDeclContext || node instanceof VigilParser.ImportDeclContext
                || node instanceof VigilParser.ServiceMemberContext || node instanceof VigilParser.RuleDeclContext
                || node instanceof VigilParser.DashboardItemContext || node instanceof VigilParser.PanelDeclContext
                || node instanceof VigilParser.RoutingItemContext;
    }

    /**
     * Bodies built again for each expansion ({@code for} loops, templates) are not built one
     * declaration at a time, so damage anywhere inside them counts.
     */
    private static boolean builtLater(ParserRuleContext unit) {
        return unit instanceof VigilParser.ForMemberContext || unit instanceof VigilParser.ForItemContext
                || (unit instanceof VigilParser.RuleDeclContext r && r.FOR() != null)
                || (unit instanceof VigilParser.TopDeclContext t && t.templateDecl() != null);
    }

    boolean damaged(ParserRuleContext unit) {
        boolean deep = builtLater(unit);
        Deque<ParseTree> todo = new ArrayDeque<>();
        todo.push(unit);
        while (!todo.isEmpty()) {
            ParseTree node = todo.pop();
            if (node instanceof ParserRuleContext ctx) {
                if (ctx.exception != null || madeUp.contains(ctx)) {
                    return true;
                }
                for (int i = 0; i < ctx.getChildCount(); i++) {
                    ParseTree child = ctx.getChild(i);
                    if (deep || !isUnit(child)) {
                        todo.push(child);
                    }
                }
            } else if (node instanceof ErrorNode e && e.getSymbol().getTokenIndex() >= 0) {
                // Tokens skipped inside it: what follows them may have been read in the wrong place.
                return true;
            } else if (node instanceof TerminalNode leaf) {
                if (invented.contains(SyntaxErrorListener.key(leaf.getSymbol()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Records {@code unit} as left out, with every name it mentions. */
    void broken(ParserRuleContext unit, AstBuilder at) {
        Set<String> names = new LinkedHashSet<>();
        Deque<ParseTree> todo = new ArrayDeque<>();
        todo.push(unit);
        while (!todo.isEmpty()) {
            ParseTree node = todo.pop();
            if (node instanceof TerminalNode leaf) {
                mention(leaf.getSymbol(), names);
            } else {
                for (int i = 0; i < node.getChildCount(); i++) {
                    todo.push(node.getChild(i));
                }
            }
        }
        Token first = unit.getStart();
        String keyword = first != null && first.getType() != Token.EOF && first.getText() != null
                && first.getText().matches("[a-z_]+") ? first.getText() : "";
        broken.add(new VigilFile.Broken(keyword, at.span(unit), names));
    }

    /**
     * The smallest declaration left out that holds where {@code at} starts, or {@link Span#NONE}. A
     * complaint inside a declaration that was built whole (often at its first word, when the one
     * before it did not end) is the parser losing its place, not a mistake of its own.
     */
    Span innermostBroken(Span at) {
        Span best = Span.NONE;
        for (VigilFile.Broken b : broken) {
            if (starts(b.span(), at) && (best.isNone() || starts(best, b.span()))) {
                best = b.span();
            }
        }
        return best;
    }

    private static boolean starts(Span outer, Span at) {
        boolean afterStart = at.line() > outer.line() || (at.line() == outer.line() && at.column() >= outer.column());
        boolean beforeEnd = at.line() < outer.endLine()
                || (at.line() == outer.endLine() && at.column() < outer.endColumn());
        return afterStart && beforeEnd;
    }

    /** A part of the file refused before it was built (nested too deeply): everything in it is unknown. */
    void refused(List<Token> tokens, AstBuilder at) {
        Set<String> names = new LinkedHashSet<>();
        tokens.forEach(t -> mention(t, names));
        broken.add(new VigilFile.Broken("", at.span(tokens.get(0)).to(at.span(tokens.get(tokens.size() - 1))), names));
    }

    /** Tokens the parser skipped between a file's declarations: a declaration it could not recognise at all. */
    void strays(VigilParser.VigilFileContext file, AstBuilder at) {
        Set<String> names = new LinkedHashSet<>();
        Token first = null;
        Token last = null;
        for (int i = 0; i < file.getChildCount(); i++) {
            if (file.getChild(i) instanceof ErrorNode e && e.getSymbol().getTokenIndex() >= 0) {
                first = first == null ? e.getSymbol() : first;
                last = e.getSymbol();
                mention(e.getSymbol(), names);
            }
        }
        if (first != null) {
            broken.add(new VigilFile.Broken("", at.span(first).to(at.span(last)), names));
        }
    }

    private static void mention(Token t, Set<String> names) {
        String text = t.getText();
        if (text == null || t.getTokenIndex() < 0 || t.getType() == Token.EOF) {
            return;
        }
        if (t.getType() == VigilLexer.STRING) {
            try {
                names.add(Strings.unquote(text));
            } catch (RuntimeException notAString) {
                names.add(text);
            }
        } else if (t.getType() == VigilLexer.CONST_REF) {
            names.add(text.substring(1));
        } else if (Character.isLetter(text.codePointAt(0)) || text.charAt(0) == '_' || text.charAt(0) == ':') {
            names.add(text);
        }
    }
}
