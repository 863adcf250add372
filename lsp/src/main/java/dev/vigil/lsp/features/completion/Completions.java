package dev.vigil.lsp.features.completion;

import dev.vigil.compiler.promql.Functions;
import dev.vigil.compiler.promql.PromqlFunction;
import dev.vigil.compiler.target.GrafanaUnits;
import dev.vigil.grammar.VigilLexer;
import dev.vigil.grammar.VigilParser;
import dev.vigil.lsp.features.Handler;
import dev.vigil.lsp.features.RequestContext;
import dev.vigil.lsp.features.editing.Words;
import dev.vigil.lsp.text.LineIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion in context. What may stand at the caret comes from the grammar itself ({@link CandidateCollector}
 * walks the parser's ATN over the tokens of the declaration before the caret): keywords where a keyword may
 * stand, and where a name may stand, the names of the kind the rule stack says, from the whole project
 * ({@link ProjectNames}): metrics and recording rules in a selector, their labels inside its braces, PromQL
 * functions where a call may start, receivers after {@code to} or {@code expect}, alerts after {@code alert}
 * or in an inhibit rule, severities after {@code severity}, dashboards and panels after {@code panel},
 * templates after {@code use}, time intervals in a route's {@code mute_time_intervals}, constants after
 * {@code $}, Grafana units after a panel's {@code unit}. Items come sorted: the names of the context first,
 * then functions, constants and keywords, each alphabetically.
 */
public final class Completions implements Handler<CompletionParams, Either<List<CompletionItem>, CompletionList>> {
    /** What kind of name a place takes. */
    enum Slot {
        METRIC, FUNCTION, DURATION_FUNCTION, AT_FUNCTION, SELECTOR_LABEL, GROUPING_LABEL, CONSTANT, SEVERITY,
        RECEIVER, ALERT, DASHBOARD, PANEL, BLUEPRINT, RULES_TEMPLATE, PANELS_TEMPLATE, TIME_INTERVAL, UNIT
    }

    private static final Set<Integer> NAME_RULES = Set.of(VigilParser.RULE_keyword, VigilParser.RULE_promqlKeyword,
            VigilParser.RULE_dslKeyword);

    @Override
    public Either<List<CompletionItem>, CompletionList> handle(RequestContext context, CompletionParams params) {
        Optional<Path> file = context.path(params.getTextDocument().getUri());
        Optional<LineIndex> lines = file.flatMap(context::lines);
        if (lines.isEmpty()) {
            return Either.forLeft(List.of());
        }
        Caret caret = Caret.at(lines.get(), lines.get().offset(params.getPosition()));
        if (caret.mode == Caret.Mode.NONE) {
            return Either.forLeft(List.of());
        }
        Map<Slot, Boolean> slots = new LinkedHashMap<>();
        Set<String> keywords = new TreeSet<>();
        Set<CandidateCollector.Candidate> candidates = candidates(caret);
        for (CandidateCollector.Candidate c : candidates) {
            classify(caret, c, slots, keywords);
        }
        ProjectNames names = slots.isEmpty() ? ProjectNames.EMPTY
                : context.compilation().resultFor(file.get()).map(ProjectNames::of).orElse(ProjectNames.EMPTY);
        Items items = new Items(caret, lines.get());
        for (Slot s : slots.keySet()) {
            // After `$` only constants; inside a string only what is written as a string.
            boolean fits = caret.mode == Caret.Mode.CONSTANT ? s == Slot.CONSTANT
                    : caret.mode == Caret.Mode.STRING ? s == Slot.UNIT : true;
            if (fits) {
                add(items, s, caret, names);
            }
        }
        if (caret.mode == Caret.Mode.WORD) {
            for (String k : keywords) {
                boolean operator = isOperator(k);
                items.add(k, operator ? CompletionItemKind.Operator : CompletionItemKind.Keyword,
                        operator ? "PromQL operator" : "keyword", null, 3, k);
            }
        }
        return Either.forLeft(items.sorted());
    }

    // ------------------------------------------------------------ what the grammar allows

    /** What the grammar allows at the caret, from the shortest of the caret's token sequences that parses. */
    static Set<CandidateCollector.Candidate> candidates(Caret caret) {
        for (int[] tokens : caret.prefixAttempts()) {
            Set<CandidateCollector.Candidate> found = CandidateCollector.collect(VigilParser.RULE_vigilFile, tokens);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return Set.of();
    }

    /** Sorts one candidate into a keyword or the kind of name its rule stack takes. */
    static void classify(Caret caret, CandidateCollector.Candidate c, Map<Slot, Boolean> slots, Set<String> keywords) {
        List<Integer> stack = c.stack();
        int rule = at(stack, 1);
        int parent = at(stack, 2);
        int token = c.token();
        if (token == VigilLexer.CONST_REF) {
            slots.put(Slot.CONSTANT, true);
            return;
        }
        String word = Words.of(token);
        if (word != null) {
            if (stack.stream().noneMatch(NAME_RULES::contains)) {
                keywords.add(word);
            }
            return;
        }
        if (token == VigilLexer.STRING) {
            if (rule == VigilParser.RULE_value && parent == VigilParser.RULE_panelOption && "unit".equals(keyBefore(caret))) {
                slots.put(Slot.UNIT, true);
            }
            return;
        }
        if (token != VigilLexer.IDENT && token != VigilLexer.METRIC_IDENT) {
            return;
        }
        Slot slot = switch (rule) {
            case VigilParser.RULE_metricName -> parent == VigilParser.RULE_vectorSelector ? Slot.METRIC : null;
            case VigilParser.RULE_primary -> Slot.FUNCTION;
            case VigilParser.RULE_durationAtom -> Slot.DURATION_FUNCTION;
            case VigilParser.RULE_atValue -> Slot.AT_FUNCTION;
            case VigilParser.RULE_labelName -> parent == VigilParser.RULE_matcher ? Slot.SELECTOR_LABEL
                    : parent == VigilParser.RULE_groupingLabels || parent == VigilParser.RULE_variableSource
                            ? Slot.GROUPING_LABEL : null;
            case VigilParser.RULE_name -> name(caret, stack);
            default -> null;
        };
        if (slot == Slot.ALERT && caret.before(1) == VigilLexer.DOT) {
            slot = null;
        }
        if (slot != null) {
            slots.put(slot, true);
            if (slot == Slot.DASHBOARD && at(stack, 3) == VigilParser.RULE_relatedRef) {
                slots.put(Slot.ALERT, true);
            }
        }
    }

    /** The kind of name a {@code name} rule takes at the caret, from the rules above it and the word before. */
    private static Slot name(Caret caret, List<Integer> stack) {
        int parent = at(stack, 2);
        int before = caret.before(1);
        return switch (parent) {
            case VigilParser.RULE_alertProp -> before == VigilLexer.SEVERITY ? Slot.SEVERITY : null;
            case VigilParser.RULE_routeSpec, VigilParser.RULE_routeTest -> Slot.RECEIVER;
            case VigilParser.RULE_inhibitSide, VigilParser.RULE_testAlert -> Slot.ALERT;
            case VigilParser.RULE_testItem -> before == VigilLexer.ALERT ? Slot.ALERT : null;
            case VigilParser.RULE_panelOption -> before == VigilLexer.FROM ? Slot.ALERT : null;
            case VigilParser.RULE_dottedName -> {
                int holder = at(stack, 3);
                if (holder != VigilParser.RULE_alertProp && holder != VigilParser.RULE_relatedRef) {
                    yield null;
                }
                yield before == VigilLexer.DOT ? Slot.PANEL : Slot.DASHBOARD;
            }
            case VigilParser.RULE_useDecl -> switch (at(stack, 3)) {
                case VigilParser.RULE_serviceMember -> Slot.BLUEPRINT;
                case VigilParser.RULE_ruleDecl -> Slot.RULES_TEMPLATE;
                case VigilParser.RULE_dashboardItem -> Slot.PANELS_TEMPLATE;
                default -> null;
            };
            case VigilParser.RULE_value -> {
                String key = keyBefore(caret);
                if ("mute_time_intervals".equals(key) || "active_time_intervals".equals(key)) {
                    yield Slot.TIME_INTERVAL;
                }
                yield at(stack, 3) == VigilParser.RULE_routeMatcher && "severity".equals(key) ? Slot.SEVERITY : null;
            }
            default -> null;
        };
    }

    /** The rule {@code back} places from the innermost of the stack (1 is the innermost), or -1. */
    private static int at(List<Integer> stack, int back) {
        return stack.size() >= back ? stack.get(stack.size() - back) : -1;
    }

    /**
     * The key whose value the caret is in: the word before it, the word before the {@code [} of a list it is
     * in, or the label before a route matcher's operator.
     */
    static String keyBefore(Caret caret) {
        int i = caret.index - 1;
        if (i < caret.chunkStart) {
            return null;
        }
        int type = caret.tokens.get(i).getType();
        if (type == VigilLexer.COMMA || type == VigilLexer.LEFT_BRACKET) {
            int open = caret.unclosed(VigilLexer.LEFT_BRACKET, VigilLexer.RIGHT_BRACKET);
            i = open - 1;
        } else if (isMatchOperator(type)) {
            i--;
        }
        return i >= caret.chunkStart ? caret.tokens.get(i).getText() : null;
    }

    private static boolean isMatchOperator(int type) {
        return type == VigilLexer.EQL || type == VigilLexer.NEQ || type == VigilLexer.EQL_REGEX
                || type == VigilLexer.NEQ_REGEX || type == VigilLexer.GTE || type == VigilLexer.LTE
                || type == VigilLexer.GTR || type == VigilLexer.LSS;
    }

    private static boolean isOperator(String keyword) {
        return Signatures.aggregation(keyword).isPresent() || Set.of("and", "or", "unless", "atan2").contains(keyword);
    }

    // ------------------------------------------------------------ the names of a place

    private static void add(Items items, Slot slot, Caret caret, ProjectNames names) {
        switch (slot) {
            case METRIC -> {
                for (String m : names.metrics.keySet()) {
                    ProjectNames.Named n = names.series(m);
                    items.add(m, CompletionItemKind.Variable, n.detail(), n.documentation(), 0, m);
                }
                for (String r : names.recordingRules) {
                    items.add(r, CompletionItemKind.Variable, "recording rule", null, 0, r);
                }
            }
            case FUNCTION -> {
                Functions.all().forEach(f -> function(items, f));
            }
            case DURATION_FUNCTION -> Functions.all().stream().filter(f -> Functions.isDurationFunction(f.name()))
                    .forEach(f -> function(items, f));
            case AT_FUNCTION -> {
                items.add("start", CompletionItemKind.Function, "start() → evaluation start", null, 1, "start()");
                items.add("end", CompletionItemKind.Function, "end() → evaluation end", null, 1, "end()");
            }
            case SELECTOR_LABEL -> labels(items, caret, names, selectorLabels(caret, names));
            case GROUPING_LABEL -> labels(items, caret, names, groupingLabels(caret, names));
            case CONSTANT -> {
                for (String[] bound : bindings(caret)) {
                    items.add("$" + bound[0], CompletionItemKind.Variable, bound[1], null, 0, "$" + bound[0]);
                }
                for (ProjectNames.Named c : names.constants(service(caret))) {
                    items.add("$" + c.name(), CompletionItemKind.Constant, c.detail(), c.documentation(), 2, "$" + c.name());
                }
            }
            case SEVERITY -> names.severities.forEach(s -> items.add(s, CompletionItemKind.EnumMember, "severity", null, 0, s));
            case RECEIVER -> names.receivers.values().forEach(r -> items.add(r.name(), CompletionItemKind.Interface,
                    r.detail(), null, 0, r.name()));
            case ALERT -> names.alerts.forEach((a, s) -> items.add(a, CompletionItemKind.Event, "alert of " + s, null, 0, a));
            case DASHBOARD -> names.dashboards.values().forEach(d -> items.add(d.name(), CompletionItemKind.Module,
                    d.detail(), d.documentation(), 0, d.name()));
            case PANEL -> {
                Token dashboard = caret.tokenBefore(2);
                names.panels.getOrDefault(dashboard == null ? "" : dashboard.getText(), Map.of()).values()
                        .forEach(p -> items.add(p.name(), CompletionItemKind.Field, p.detail(), p.documentation(), 0, p.name()));
            }
            case BLUEPRINT, RULES_TEMPLATE, PANELS_TEMPLATE -> {
                String kind = slot == Slot.BLUEPRINT ? "BLUEPRINT" : slot == Slot.RULES_TEMPLATE ? "RULES" : "PANELS";
                names.templates.values().stream().filter(t -> t.kind().name().equals(kind)).forEach(t -> items.add(
                        t.name(), CompletionItemKind.Method, t.kind().keyword() + "(" + t.parameters() + ")", null, 0,
                        t.name() + "("));
            }
            case TIME_INTERVAL -> names.timeIntervals.values().forEach(t -> items.add(t.name(), CompletionItemKind.Value,
                    t.detail(), null, 0, t.name()));
            case UNIT -> {
                for (String id : GrafanaUnits.ids()) {
                    items.add("\"" + id + "\"", CompletionItemKind.Unit, "Grafana unit", GrafanaUnits.note(id).orElse(null),
                            0, "\"" + id + "\"");
                }
            }
            default -> {
            }
        }
    }

    private static void function(Items items, PromqlFunction f) {
        Signatures.Signature s = Signatures.of(f);
        items.add(f.name(), CompletionItemKind.Function, s.label(), s.documentation(), 1,
                f.name() + (f.minArgs() == 0 && f.maxArgs() == 0 ? "()" : "("));
    }

    private static void labels(Items items, Caret caret, ProjectNames names, Map<String, Boolean> labels) {
        Set<String> written = writtenLabels(caret);
        labels.forEach((label, certain) -> {
            if (!written.contains(label)) {
                items.add(label, CompletionItemKind.Property, certain ? "label" : "label (on some series)", null,
                        certain ? 0 : 1, label);
            }
        });
    }

    /** The labels of the selector whose braces hold the caret: its metric's, or every known label for a bare {@code {...}}. */
    private static Map<String, Boolean> selectorLabels(Caret caret, ProjectNames names) {
        int brace = caret.unclosed(VigilLexer.LEFT_BRACE, VigilLexer.RIGHT_BRACE);
        if (brace > caret.chunkStart) {
            Token metric = caret.tokens.get(brace - 1);
            if (isName(metric.getType())) {
                Map<String, Boolean> own = names.labelsOf(metric.getText());
                if (!own.isEmpty()) {
                    return own;
                }
            }
        }
        return names.allLabels();
    }

    /**
     * The labels for {@code by (...)}, {@code on (...)} and the like: those of every metric and recording rule
     * the query around the caret reads (from the keyword that starts it to the one that ends it), or every
     * known label when it reads none the project knows.
     */
    private static Map<String, Boolean> groupingLabels(Caret caret, ProjectNames names) {
        Map<String, Boolean> out = new java.util.TreeMap<>();
        for (Token t : queryAround(caret)) {
            if ((t.getType() == VigilLexer.IDENT || t.getType() == VigilLexer.METRIC_IDENT)
                    && (names.metrics.containsKey(t.getText()) || names.recordingRules.contains(t.getText())
                            || names.metrics.containsKey(dev.vigil.compiler.model.Metric.baseName(t.getText())))) {
                names.labelsOf(t.getText()).forEach((l, certain) -> out.merge(l, certain, Boolean::logicalOr));
            }
        }
        return out.isEmpty() ? names.allLabels() : out;
    }

    /** The tokens of the query the caret is in: back and forth to the nearest DSL word outside brackets. */
    private static List<Token> queryAround(Caret caret) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        for (int i = caret.index - 1; i >= caret.chunkStart; i--) {
            Token t = caret.tokens.get(i);
            if (closes(t.getType())) {
                depth++;
            } else if (opens(t.getType())) {
                depth--;
            } else if (depth <= 0 && Words.isDslWord(t.getType())) {
                break;
            }
            out.add(t);
        }
        depth = 0;
        for (int i = caret.index; i < caret.tokens.size(); i++) {
            Token t = caret.tokens.get(i);
            if (opens(t.getType())) {
                depth++;
            } else if (closes(t.getType())) {
                depth--;
            } else if (depth <= 0 && Words.isDslWord(t.getType())) {
                break;
            }
            if (depth < -8) {
                break;
            }
            out.add(t);
        }
        return out;
    }

    /** The labels already written in the braces or parentheses that hold the caret, not to be offered again. */
    private static Set<String> writtenLabels(Caret caret) {
        int brace = caret.unclosed(VigilLexer.LEFT_BRACE, VigilLexer.RIGHT_BRACE);
        int paren = caret.unclosed(VigilLexer.LEFT_PAREN, VigilLexer.RIGHT_PAREN);
        int open = Math.max(brace, paren);
        Set<String> out = new LinkedHashSet<>();
        if (open < 0) {
            return out;
        }
        for (int i = open + 1; i < caret.tokens.size(); i++) {
            Token t = caret.tokens.get(i);
            if (t.getType() == VigilLexer.RIGHT_BRACE || t.getType() == VigilLexer.RIGHT_PAREN) {
                break;
            }
            if (i != caret.index && isName(t.getType()) && caret.ends[i] != caret.offset) {
                Token next = i + 1 < caret.tokens.size() ? caret.tokens.get(i + 1) : null;
                if (open == paren || next != null && isMatchOperator(next.getType())) {
                    out.add(t.getText());
                }
            }
        }
        return out;
    }

    private static boolean opens(int type) {
        return type == VigilLexer.LEFT_PAREN || type == VigilLexer.LEFT_BRACE || type == VigilLexer.LEFT_BRACKET;
    }

    private static boolean closes(int type) {
        return type == VigilLexer.RIGHT_PAREN || type == VigilLexer.RIGHT_BRACE || type == VigilLexer.RIGHT_BRACKET;
    }

    private static boolean isName(int type) {
        return type == VigilLexer.IDENT || type == VigilLexer.METRIC_IDENT || Words.isWord(type);
    }

    /**
     * The names a {@code $} may take besides constants at the caret: the parameters of the template it is in
     * ({@code name}, "{@code template parameter: type}") and the variables of the {@code for} blocks around it.
     */
    private static List<String[]> bindings(Caret caret) {
        List<String[]> out = new ArrayList<>();
        int start = caret.chunkStart;
        int first = start < caret.tokens.size() ? caret.tokens.get(start).getType() : -1;
        if (first == VigilLexer.BLUEPRINT || first == VigilLexer.TEMPLATE) {
            int depth = 0;
            for (int i = start; i + 1 < caret.index; i++) {
                int type = caret.tokens.get(i).getType();
                if (type == VigilLexer.LEFT_PAREN) {
                    depth++;
                } else if (type == VigilLexer.RIGHT_PAREN && --depth == 0 || type == VigilLexer.LEFT_BRACE) {
                    break;
                }
                Token next = caret.tokens.get(i + 1);
                if (depth == 1 && (type == VigilLexer.LEFT_PAREN || type == VigilLexer.COMMA) && isName(next.getType())) {
                    Token kind = i + 2 < caret.index ? caret.tokens.get(i + 2) : null;
                    out.add(new String[] {next.getText(), "template parameter"
                            + (kind != null && isName(kind.getType()) ? ": " + kind.getText() : "")});
                }
            }
        }
        // `for x in [...] {`: the variable of each such block still open at the caret.
        java.util.Deque<String> blocks = new java.util.ArrayDeque<>();
        String pending = null;
        for (int i = start; i < caret.index; i++) {
            int type = caret.tokens.get(i).getType();
            if (type == VigilLexer.FOR && i + 2 < caret.index && caret.tokens.get(i + 2).getType() == VigilLexer.IN) {
                pending = caret.tokens.get(i + 1).getText();
            } else if (type == VigilLexer.LEFT_BRACE) {
                blocks.push(pending == null ? "" : pending);
                pending = null;
            } else if (type == VigilLexer.RIGHT_BRACE && !blocks.isEmpty()) {
                blocks.pop();
            }
        }
        blocks.stream().filter(v -> !v.isEmpty()).distinct().forEach(v -> out.add(new String[] {v, "loop variable"}));
        return out;
    }

    /** The service whose body holds the caret: the name after the {@code service} that starts its declaration. */
    private static String service(Caret caret) {
        int i = caret.chunkStart;
        if (i < caret.tokens.size() && caret.tokens.get(i).getType() == VigilLexer.EXTEND) {
            i++;
        }
        if (i + 1 < caret.index && caret.tokens.get(i).getType() == VigilLexer.SERVICE) {
            return caret.tokens.get(i + 1).getText();
        }
        return null;
    }

    // ------------------------------------------------------------ items

    /** The items of one answer, each label once, sorted by group then label. */
    private static final class Items {
        private final Map<String, CompletionItem> byLabel = new LinkedHashMap<>();
        private final Range range;

        Items(Caret caret, LineIndex lines) {
            this.range = lines.range(caret.replaceStart, caret.replaceEnd);
        }

        void add(String label, CompletionItemKind kind, String detail, String documentation, int group, String insert) {
            if (byLabel.containsKey(label)) {
                return;
            }
            CompletionItem item = new CompletionItem(label);
            item.setKind(kind);
            item.setDetail(detail);
            if (documentation != null && !documentation.isBlank()) {
                item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, documentation));
            }
            item.setSortText(group + label);
            item.setFilterText(label);
            item.setInsertTextFormat(InsertTextFormat.PlainText);
            item.setTextEdit(Either.forLeft(new TextEdit(range, insert)));
            byLabel.put(label, item);
        }

        List<CompletionItem> sorted() {
            List<CompletionItem> out = new ArrayList<>(byLabel.values());
            out.sort(Comparator.comparing(CompletionItem::getSortText).thenComparing(CompletionItem::getLabel));
            return out;
        }
    }
}
