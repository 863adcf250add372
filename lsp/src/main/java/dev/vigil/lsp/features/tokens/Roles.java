package dev.vigil.lsp.features.tokens;

import dev.vigil.grammar.VigilLexer;
import dev.vigil.grammar.VigilParser;
import dev.vigil.lsp.features.editing.Words;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** What a token of the syntax tree is, from the rules that hold it. */
final class Roles {
    /** Rules through which a reserved word stands for a name. */
    private static final Set<Integer> AS_NAME = Set.of(VigilParser.RULE_keyword, VigilParser.RULE_promqlKeyword,
            VigilParser.RULE_dslKeyword);
    private static final Set<Integer> SET_OPERATORS = Set.of(VigilLexer.AND, VigilLexer.OR, VigilLexer.UNLESS,
            VigilLexer.ATAN2);

    private Roles() {
    }

    static Legend.Kind of(TerminalNode t) {
        int type = t.getSymbol().getType();
        ParserRuleContext ctx = (ParserRuleContext) t.getParent();
        boolean asName = false;
        while (ctx != null && (AS_NAME.contains(ctx.getRuleIndex()) || ctx.getRuleIndex() == VigilParser.RULE_aggregateOp
                && ctx.getParent() != null && ctx.getParent().getRuleIndex() == VigilParser.RULE_promqlKeyword)) {
            asName |= AS_NAME.contains(ctx.getRuleIndex());
            ctx = ctx.getParent();
        }
        if (ctx == null) {
            return null;
        }
        int rule = ctx.getRuleIndex();
        switch (type) {
            case VigilLexer.STRING:
                return rule == VigilParser.RULE_labelName ? Legend.Kind.LABEL : Legend.Kind.STRING;
            case VigilLexer.NUMBER:
                return rule == VigilParser.RULE_labelName ? Legend.Kind.LABEL : Legend.Kind.NUMBER;
            case VigilLexer.DURATION:
            case VigilLexer.BAD_DURATION:
                return Legend.Kind.NUMBER;
            case VigilLexer.CONST_REF:
                return Legend.Kind.CONSTANT;
            default:
                break;
        }
        if (!asName && Words.isWord(type)) {
            return SET_OPERATORS.contains(type) || rule == VigilParser.RULE_aggregateOp ? Legend.Kind.OPERATOR
                    : Legend.Kind.KEYWORD;
        }
        return switch (rule) {
            case VigilParser.RULE_metricName -> {
                int holder = ((ParserRuleContext) ctx.getParent()).getRuleIndex();
                yield holder == VigilParser.RULE_recordDecl || holder == VigilParser.RULE_metricDecl
                        ? Legend.Kind.METRIC_DECLARATION : Legend.Kind.METRIC;
            }
            case VigilParser.RULE_labelName -> Legend.Kind.LABEL;
            case VigilParser.RULE_name -> name(ctx);
            case VigilParser.RULE_primary -> SemanticHighlighting.isFunction(t.getText()) ? Legend.Kind.FUNCTION
                    : Legend.Kind.UNKNOWN_FUNCTION;
            case VigilParser.RULE_durationAtom, VigilParser.RULE_atValue -> Legend.Kind.FUNCTION;
            case VigilParser.RULE_panelOption -> type == VigilLexer.IDENT ? Legend.Kind.PROPERTY : null;
            default -> null;
        };
    }

    /** A {@code name}: what it names follows from the rule it stands in, and for some rules from which of their names it is. */
    private static Legend.Kind name(ParserRuleContext name) {
        ParserRuleContext holder = name.getParent();
        if (holder == null) {
            return null;
        }
        int nth = nth(holder, name);
        return switch (holder.getRuleIndex()) {
            case VigilParser.RULE_constDecl -> Legend.Kind.CONSTANT_DECLARATION;
            case VigilParser.RULE_serviceDecl, VigilParser.RULE_groupDecl -> Legend.Kind.NAMESPACE_DECLARATION;
            case VigilParser.RULE_alertDecl -> Legend.Kind.ALERT_DECLARATION;
            case VigilParser.RULE_sloDecl, VigilParser.RULE_dashboardDecl, VigilParser.RULE_alertWindowsDecl ->
                    Legend.Kind.OBJECT_DECLARATION;
            case VigilParser.RULE_templateDecl -> Legend.Kind.TEMPLATE_DECLARATION;
            case VigilParser.RULE_templateParam -> nth == 0 ? Legend.Kind.PARAMETER_DECLARATION : Legend.Kind.TYPE;
            case VigilParser.RULE_useDecl -> Legend.Kind.TEMPLATE;
            case VigilParser.RULE_argument -> Legend.Kind.PARAMETER;
            case VigilParser.RULE_severitiesDecl -> Legend.Kind.SEVERITY_DECLARATION;
            case VigilParser.RULE_alertProp -> Legend.Kind.SEVERITY;
            case VigilParser.RULE_routingItem -> holder instanceof VigilParser.ReceiverItemContext && nth == 1
                    ? Legend.Kind.TYPE : Legend.Kind.OBJECT_DECLARATION;
            case VigilParser.RULE_routeSpec, VigilParser.RULE_routeTest, VigilParser.RULE_dottedName -> Legend.Kind.OBJECT;
            case VigilParser.RULE_inhibitSide, VigilParser.RULE_testAlert, VigilParser.RULE_testItem -> Legend.Kind.ALERT;
            case VigilParser.RULE_panelOption -> holder instanceof VigilParser.ThresholdsFromOptionContext
                    ? Legend.Kind.ALERT : Legend.Kind.PROPERTY;
            case VigilParser.RULE_panelDecl -> nth == 0 ? Legend.Kind.TYPE : Legend.Kind.OBJECT_DECLARATION;
            case VigilParser.RULE_metricDecl, VigilParser.RULE_sloProp -> Legend.Kind.TYPE;
            case VigilParser.RULE_property, VigilParser.RULE_structMember, VigilParser.RULE_sliProp -> Legend.Kind.PROPERTY;
            case VigilParser.RULE_serviceMember, VigilParser.RULE_ruleDecl, VigilParser.RULE_dashboardItem ->
                    Legend.Kind.PARAMETER_DECLARATION;
            default -> null;
        };
    }

    /** Which of its holder's {@code name}s this is, from 0. */
    private static int nth(ParserRuleContext holder, ParserRuleContext name) {
        int n = 0;
        for (int i = 0; i < holder.getChildCount(); i++) {
            ParseTree c = holder.getChild(i);
            if (c == name) {
                return n;
            }
            if (c instanceof VigilParser.NameContext) {
                n++;
            }
        }
        return n;
    }
}
