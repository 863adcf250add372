package dev.vigil.compiler.format;

import dev.vigil.compiler.parse.SyntaxTree.Element;
import dev.vigil.compiler.parse.SyntaxTree.Leaf;
import dev.vigil.compiler.parse.SyntaxTree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lays out a syntax tree in the one canonical style: two spaces per block, one item per line, the
 * values of neighbouring {@code key value} lines aligned, single spaces between tokens, and queries
 * broken at their operators, arguments and parentheses when a line would pass {@link #WIDTH}.
 * Every token is printed exactly once, in order: only the space between tokens changes.
 */
final class Printer {
    /** The line width past which a query is broken, as Prometheus's own formatter does. */
    static final int WIDTH = 100;

    private static final int INDENT = 2;

    /** Braces that enclose a short list on one line rather than a block of lines. */
    private static final Set<String> INLINE_BRACES = Set.of("LabelBlock", "LabelMatchers", "ThresholdsOption");

    /** Kinds whose lines align their value after the first token (a keyword or a property name). */
    private static final Set<String> KEYED = Set.of("Property", "WhenProp", "ForProp", "KeepFiringProp", "SeverityProp",
            "AlertLabelsProp", "AlertAnnotationsProp", "AliasesProp", "RunbookLinkProp", "SummaryProp", "DescriptionProp", "GuardProp", "PanelProp", "MeaningItem", "TriageItem",
            "DiagnoseItem", "RemediateItem", "EscalateItem", "RelatedItem", "MetricLabels", "ObjectiveProp",
            "WindowProp", "SloDescriptionProp", "SloGroupingProp", "SliQuery", "SliSetting", "TeamMember",
            "LabelsMember", "QueryOption", "LinkOption", "DashboardLinkItem", "PanelSetting", "CheckOverride", "AlertWindowRow",
            "KubernetesLabels", "KubernetesAnnotations");

    /** Lines that neither align nor end a run of aligned lines: a panel's thresholds, which are long and come last. */
    private static final Set<String> UNALIGNED = Set.of("ThresholdsOption", "ThresholdsFromOption");

    private final Out out = new Out();
    private final boolean flat;
    private int indent;
    private int cont;
    /** Set by an operator chain for its first operand, when that is a chain of its own: how far its operators go in. */
    private int operandStep;

    private Printer(boolean flat) {
        this.flat = flat;
    }

    static String print(Node file) {
        Printer p = new Printer(false);
        List<Element> children = file.children();
        p.items(children.subList(0, children.size() - 1));
        p.out.line(0, true);
        p.out.token((Leaf) children.get(children.size() - 1), 0, true);
        return p.out.finish();
    }

    /** The node on one line, as far as its comments allow; a line break in the result means it cannot be flat. */
    private static String flat(Element e, int column) {
        Printer p = new Printer(true);
        p.cont = column;
        p.element(e);
        return p.out.text().stripLeading();
    }

    /**
     * The node on one line, for deciding whether it fits. Comments before its first token are left out:
     * they print before it (at the end of the previous line, or above it), whether or not it is broken,
     * so counting them would let a second run decide otherwise than the first.
     */
    private static String measure(Element e, int column) {
        return flat(withoutLeadingComments(e), column);
    }

    private static Element withoutLeadingComments(Element e) {
        if (e instanceof Leaf l) {
            return new Leaf(l.type(), l.text(), List.of(), 0);
        }
        Node n = (Node) e;
        if (n.children().isEmpty()) {
            return n;
        }
        List<Element> children = new ArrayList<>(n.children());
        children.set(0, withoutLeadingComments(children.get(0)));
        return new Node(n.rule(), n.kind(), children);
    }

    // ------------------------------------------------------------------ blocks and items

    private void items(List<Element> items) {
        int i = 0;
        while (i < items.size()) {
            int end = i;
            int key = 0;
            while (end < items.size() && (keyed(items.get(end)) != null || unaligned(items.get(end)) && end > i)
                    && (end == i || firstLeaf(items.get(end)).blankLinesBefore() == 0 && noBlankComment(items.get(end)))) {
                if (keyed(items.get(end)) != null) {
                    key = Math.max(key, width(keyed(items.get(end))));
                }
                end++;
            }
            if (end == i) {
                item(items.get(i), -1);
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                item(items.get(k), keyed(items.get(k)) != null ? key : -1);
            }
            i = end;
        }
    }

    private static boolean unaligned(Element e) {
        return e instanceof Node n && (UNALIGNED.contains(n.kind())
                || n.children().size() == 1 && unaligned(n.children().get(0)));
    }

    private static boolean noBlankComment(Element e) {
        return firstLeaf(e).comments().stream().noneMatch(c -> c.blankLinesBefore() > 0);
    }

    private void item(Element e, int keyWidth) {
        if (e instanceof Leaf l) {
            // A comma between items stays with the item before it.
            out.glue();
            token(l);
            return;
        }
        out.line(indent, true);
        cont = indent + INDENT;
        if (keyWidth < 0) {
            element(e);
            return;
        }
        List<Element> key = keyed(e);
        int start = out.column();
        for (Element k : key) {
            element(k);
        }
        out.alignTo(start + keyWidth + 1);
        rest(e, key.get(key.size() - 1));
    }

    /** Prints the elements of {@code e} that follow {@code after}, descending into the node that holds it. */
    private void rest(Element e, Element after) {
        if (!(e instanceof Node n)) {
            return;
        }
        List<Element> children = n.children();
        int at = children.indexOf(after);
        if (at >= 0) {
            children(n, at + 1);
            return;
        }
        for (int i = 0; i < children.size(); i++) {
            if (contains(children.get(i), after)) {
                rest(children.get(i), after);
                children(n, i + 1);
                return;
            }
        }
    }

    private static boolean contains(Element e, Element target) {
        if (e == target) {
            return true;
        }
        return e instanceof Node n && n.children().stream().anyMatch(c -> contains(c, target));
    }

    /** The elements that form the key of a keyed line, or null when the line is not keyed. */
    private static List<Element> keyed(Element e) {
        if (!(e instanceof Node n)) {
            return null;
        }
        if (KEYED.contains(n.kind()) && !n.children().isEmpty()) {
            return List.of(n.children().get(0));
        }
        if (n.rule().equals("constDecl")) {
            return n.children().subList(0, 2);
        }
        if (n.children().size() == 1) {
            return keyed(n.children().get(0));
        }
        return null;
    }

    /** The width of a key as printed; comments before it do not count, since they sit on lines above. */
    private static int width(List<Element> key) {
        int w = -1;
        for (Element e : key) {
            w += 1 + columns(flat(withoutComments(e), 0));
        }
        return w;
    }

    private static Element withoutComments(Element e) {
        if (e instanceof Leaf l) {
            return new Leaf(l.type(), l.text(), List.of(), 0);
        }
        Node n = (Node) e;
        return new Node(n.rule(), n.kind(), n.children().stream().map(Printer::withoutComments).toList());
    }

    // ------------------------------------------------------------------ generic layout

    private void element(Element e) {
        if (e instanceof Leaf l) {
            token(l);
            return;
        }
        Node n = (Node) e;
        if (n.rule().equals("expr") && !flat) {
            expr(n);
            return;
        }
        if (!flat && isBlock(n)) {
            block(n);
            return;
        }
        if (n.kind().equals("ExpectValueItem") && !flat && (samples(n) > 1 || samples(n) == 1 && commentInside(n))) {
            block(n);
            return;
        }
        if (n.kind().equals("InhibitionTest") && !flat) {
            inhibitionTest(n);
            return;
        }
        if (n.rule().equals("templateParams") && !flat && out.column() + columns(measure(n, out.column())) > WIDTH) {
            parameters(n);
            return;
        }
        children(n, 0);
    }

    /** A template's parameters too long for one line: one per line, the closing parenthesis under the header. */
    private void parameters(Node n) {
        List<Element> cs = n.children();
        token((Leaf) cs.get(0));
        int outer = indent;
        for (int i = 1; i < cs.size() - 1; i++) {
            if (isLeaf(cs.get(i), "COMMA")) {
                out.glue();
                token((Leaf) cs.get(i));
                continue;
            }
            out.line(outer + INDENT, false);
            indent = outer + INDENT;
            element(cs.get(i));
            indent = outer;
        }
        out.line(outer, false);
        out.token((Leaf) cs.get(cs.size() - 1), outer, true);
    }

    /** {@code TARGET while SOURCE expect ...}: a case too long for one line continues at `while`, indented. */
    private void inhibitionTest(Node n) {
        String oneLine = measure(n, out.column());
        List<Element> cs = n.children();
        int at = 0;
        while (at < cs.size() && !isLeaf(cs.get(at), "WHILE")) {
            at++;
        }
        if (out.column() + columns(oneLine) <= WIDTH && !oneLine.contains("\n") || at == cs.size()) {
            children(n, 0);
            return;
        }
        children(new Node(n.rule(), n.kind(), cs.subList(0, at)), 0);
        out.line(indent + INDENT, false);
        children(new Node(n.rule(), n.kind(), cs.subList(at, cs.size())), 0);
    }

    /** Children from {@code from} on, with the spacing their node asks for. */
    private void children(Node n, int from) {
        List<Element> cs = n.children();
        for (int i = from; i < cs.size(); i++) {
            Element c = cs.get(i);
            if (i > 0 && glued(n, cs, i)) {
                out.glue();
            }
            if (!flat && c instanceof Node x && x.rule().equals("expr") && i > 0 && isLeaf(cs.get(i - 1), "EQL")) {
                breakAfterEquals(x);
            }
            if (!flat && c instanceof Node x && x.rule().equals("annotationBlock")
                    && out.column() + columns(measure(x, 0)) > WIDTH) {
                // A test's expected annotations go on a line of their own when the line would be too long.
                out.line(indent + INDENT, false);
            }
            element(c);
        }
    }

    /** {@code record x = <query>}: a query that does not fit after the `=` starts on the next line. */
    private void breakAfterEquals(Node expr) {
        int column = out.column();
        String oneLine = measure(expr, column);
        if (column + columns(oneLine) > WIDTH || oneLine.contains("\n")) {
            if (column > indent + 2 * INDENT) {
                out.line(indent + INDENT, false);
            }
        }
    }

    private static boolean isBlock(Node n) {
        return !INLINE_BRACES.contains(n.kind()) && n.children().stream().anyMatch(c -> isLeaf(c, "LEFT_BRACE"));
    }

    /** How many samples an expectation lists: one stays on the expectation's line, more go one per line. */
    private static long samples(Node n) {
        return n.children().stream().filter(c -> c instanceof Node x && x.rule().equals("sample")).count();
    }

    /** Whether a comment stands anywhere inside {@code n} after its first token (a line comment would end the line). */
    private static boolean commentInside(Node n) {
        List<Leaf> leaves = new java.util.ArrayList<>();
        collectLeaves(n, leaves);
        return leaves.stream().skip(1).anyMatch(l -> !l.comments().isEmpty());
    }

    private static void collectLeaves(Element e, List<Leaf> into) {
        if (e instanceof Leaf l) {
            into.add(l);
        } else {
            ((Node) e).children().forEach(c -> collectLeaves(c, into));
        }
    }

    /** A header, then `{` (or `[`), one item per line, and the closing brace on a line of its own. */
    private void block(Node n) {
        List<Element> cs = n.children();
        int open = -1;
        for (int i = 0; i < cs.size(); i++) {
            if (isLeaf(cs.get(i), "LEFT_BRACE") || n.kind().equals("ExpectValueItem") && isLeaf(cs.get(i), "LEFT_BRACKET")) {
                open = i;
                break;
            }
        }
        int close = open + 1;
        while (!isLeaf(cs.get(close), "RIGHT_BRACE") && !isLeaf(cs.get(close), "RIGHT_BRACKET")) {
            close++;
        }
        Node header = new Node(n.rule(), n.kind(), cs.subList(0, open + 1));
        children(header, 0);
        int outer = indent;
        List<Element> inner = cs.subList(open + 1, close);
        Leaf closing = (Leaf) cs.get(close);
        if (inner.isEmpty() && closing.comments().isEmpty()) {
            out.glue();
            token(closing);
        } else {
            indent = outer + INDENT;
            items(inner);
            int saved = cont;
            cont = indent;
            out.line(outer, false);
            out.token(closing, indent, true);
            cont = saved;
            indent = outer;
        }
        cont = indent + INDENT;
        if (close + 1 < cs.size()) {
            children(new Node(n.rule(), n.kind(), cs.subList(close + 1, cs.size())), 0);
        }
    }

    private void token(Leaf l) {
        out.token(l, out.commentIndent(cont), false);
    }

    /** Whether child {@code i} follows child {@code i - 1} of {@code n} without a space. */
    private static boolean glued(Node n, List<Element> cs, int i) {
        Element prev = cs.get(i - 1);
        Element next = cs.get(i);
        String first = firstLeaf(next).type();
        String last = lastLeaf(prev).type();
        if (last.equals("LEFT_PAREN") || last.equals("LEFT_BRACKET") || last.equals("DOT")) {
            return true;
        }
        if (first.equals("RIGHT_PAREN") || first.equals("RIGHT_BRACKET") || first.equals("COMMA") || first.equals("DOT")) {
            return true;
        }
        switch (n.kind()) {
            case "LabelMatchers" -> {
                return last.equals("LEFT_BRACE") || first.equals("RIGHT_BRACE");
            }
            case "LabelBlock" -> {
                return last.equals("LEFT_BRACE") && first.equals("RIGHT_BRACE");
            }
            case "VectorSelector", "LabelMatcher", "NumberValue", "OffsetValue", "AtValue", "FillModifier",
                    "MetricName", "Unary", "DurationExpr" -> {
                // `x{a="b"}`, `-1`, `99.9%`, `offset -5m`, `:name`; in a duration only a sign is glued.
                return !n.kind().equals("DurationExpr") || n.children().size() == 2 && i == 1;
            }
            case "Call", "LabelValuesSource", "DurationAtom", "UseDecl" -> {
                return first.equals("LEFT_PAREN");
            }
            case "BlueprintDecl", "RulesTemplateDecl", "PanelsTemplateDecl" -> {
                // `blueprint red(job string)`, as a call is written.
                return first.equals("LEFT_PAREN") && next instanceof Node p && p.rule().equals("templateParams");
            }
            case "Aggregation" -> {
                return first.equals("LEFT_PAREN") && prev instanceof Node p && p.rule().equals("aggregateOp");
            }
            case "RangeOrSubquery" -> {
                return first.equals("LEFT_BRACKET") || first.equals("COLON") || last.equals("COLON");
            }
            default -> {
                return false;
            }
        }
    }

    // ------------------------------------------------------------------ queries

    private static final List<Set<String>> PRECEDENCE = List.of(Set.of("OR"), Set.of("AND", "UNLESS"),
            Set.of("EQLC", "NEQ", "GTR", "LSS", "GTE", "LTE"), Set.of("ADD", "SUB"),
            Set.of("MUL", "DIV", "MOD", "ATAN2", "TRIM_UPPER", "TRIM_LOWER"), Set.of("POW"));

    /** A query: on one line when it fits, else broken at its outermost operator, call or parenthesis. */
    private void expr(Node e) {
        int step = operandStep > 0 ? operandStep : INDENT;
        operandStep = 0;
        int base = out.column();
        String oneLine = measure(e, base);
        int saved = cont;
        cont = base;
        if (!oneLine.contains("\n") && base + columns(oneLine) <= WIDTH) {
            children(e, 0);
        } else {
            broken(e, base, step);
        }
        cont = saved;
    }

    private void broken(Node e, int base, int step) {
        switch (e.kind()) {
            case "Binary" -> binary(e, base, step);
            case "PrimaryExpr" -> primary((Node) e.children().get(0), base);
            case "Unary" -> {
                element(e.children().get(0));
                out.glue();
                element(e.children().get(1));
            }
            default -> {
                // A range, offset or `@` applies to the query before it: break that, keep the rest.
                element(e.children().get(0));
                children(e, 1);
            }
        }
    }

    /**
     * `a + b - c` as `a`, then `+ b` and `- c` on lines of their own, {@code step} columns in. When the first
     * operand is a chain of a tighter operator that breaks too, its operators go further in:
     * `a` / `    / b` / `  > c` for `a / b > c`.
     */
    private void binary(Node e, int base, int step) {
        List<Element> operands = new ArrayList<>();
        List<List<Element>> operators = new ArrayList<>();
        collect(e, group(e), operands, operators);
        int big = huggable(operands, operators, base);
        if (big >= 0) {
            // `100 * (` ... `) / 3`: one bracketed operand breaks, the short ones stay on its first and last lines.
            for (int i = 0; i < operands.size(); i++) {
                if (i > 0) {
                    operators.get(i - 1).forEach(this::element);
                }
                if (i == big) {
                    primary((Node) ((Node) operands.get(i)).children().get(0), base);
                } else {
                    element(operands.get(i));
                }
            }
            return;
        }
        if (operands.get(0) instanceof Node first && first.kind().equals("Binary")) {
            operandStep = step + INDENT;
        }
        element(operands.get(0));
        operandStep = 0;
        for (int i = 0; i < operators.size(); i++) {
            out.line(base + step, false);
            cont = base + step;
            for (Element op : operators.get(i)) {
                if (!(op instanceof Node m && m.children().isEmpty())) {
                    element(op);
                }
            }
            element(operands.get(i + 1));
        }
    }

    /**
     * The operand that may break while the others stay on its first and last lines: the longest, when it
     * is a call, an aggregation or a parenthesis and the others are literals (`100 * (...) / 3`,
     * `count(...) < $min`); -1 when there is none.
     */
    private static int huggable(List<Element> operands, List<List<Element>> operators, int base) {
        int big = -1;
        int longest = -1;
        for (int i = 0; i < operands.size(); i++) {
            String text = measure(operands.get(i), base);
            int w = text.contains("\n") ? Integer.MAX_VALUE : columns(text);
            if (w > longest) {
                longest = w;
                big = i;
            }
        }
        if (!bracketed(operands.get(big))) {
            return -1;
        }
        Node primary = (Node) ((Node) operands.get(big)).children().get(0);
        int first = base;
        int last = base;
        for (int i = 0; i < operands.size(); i++) {
            String op = i == 0 ? "" : " " + flat(new Node("ops", "Ops", operators.get(i - 1)), 0).strip() + " ";
            if (i == big) {
                first += columns(op) + columns(flat(new Node(primary.rule(), primary.kind(), opening(primary)), 0));
                last += 1 + columns(flat(new Node(primary.rule(), primary.kind(), closing(primary)), 0));
                continue;
            }
            String text = measure(operands.get(i), 0);
            if (text.contains("\n") || !literal(operands.get(i))) {
                return -1;
            }
            if (i < big) {
                first += columns(op) + columns(text);
            } else {
                last += columns(op) + columns(text);
            }
        }
        return first <= WIDTH && last <= WIDTH ? big : -1;
    }

    private static boolean literal(Element e) {
        return e instanceof Node n && n.kind().equals("PrimaryExpr") && n.children().get(0) instanceof Node p
                && p.kind().equals("LiteralExpr");
    }

    private static boolean bracketed(Element e) {
        return e instanceof Node n && n.kind().equals("PrimaryExpr") && n.children().get(0) instanceof Node p
                && (p.kind().equals("Paren") || (p.kind().equals("Call") || p.kind().equals("Aggregation"))
                        && p.children().stream().anyMatch(c -> c instanceof Node a && a.rule().equals("callArgs")));
    }

    /** A call's name, grouping and `(`; a parenthesis's `(`. */
    private static List<Element> opening(Node p) {
        int open = 0;
        while (!isLeaf(p.children().get(open), "LEFT_PAREN")) {
            open++;
        }
        return p.children().subList(0, open + 1);
    }

    /** The `)` and what follows it (a trailing `by (...)`). */
    private static List<Element> closing(Node p) {
        int close = p.children().size() - 1;
        while (!isLeaf(p.children().get(close), "RIGHT_PAREN")) {
            close--;
        }
        return p.children().subList(close, p.children().size());
    }

    private static int group(Node binary) {
        String op = ((Leaf) binary.children().get(1)).type();
        for (int i = 0; i < PRECEDENCE.size(); i++) {
            if (PRECEDENCE.get(i).contains(op)) {
                return i;
            }
        }
        return -1;
    }

    /** Flattens a left-leaning chain of operators of one precedence; `^` binds to the right and is not chained. */
    private static void collect(Node e, int group, List<Element> operands, List<List<Element>> operators) {
        Element left = e.children().get(0);
        if (left instanceof Node l && l.kind().equals("Binary") && group(l) == group
                && !PRECEDENCE.get(group).contains("POW")) {
            collect(l, group, operands, operators);
        } else {
            operands.add(left);
        }
        operators.add(e.children().subList(1, 3));
        operands.add(e.children().get(3));
    }

    private void primary(Node p, int base) {
        List<Element> cs = p.children();
        switch (p.kind()) {
            case "Paren" -> {
                element(cs.get(0));
                out.line(base + INDENT, false);
                cont = base + INDENT;
                element(cs.get(1));
                out.line(base, false);
                cont = base;
                element(cs.get(2));
            }
            case "Aggregation", "Call" -> {
                int open = 0;
                while (!isLeaf(cs.get(open), "LEFT_PAREN")) {
                    open++;
                }
                children(new Node(p.rule(), p.kind(), cs.subList(0, open + 1)), 0);
                int close = open + 1;
                if (cs.get(close) instanceof Node args) {
                    arguments(args, base + INDENT);
                    close++;
                }
                out.line(base, false);
                cont = base;
                element(cs.get(close));
                if (close + 1 < cs.size()) {
                    element(cs.get(close + 1));
                }
            }
            default -> children(p, 0);
        }
    }

    /** One argument per line, each followed by its comma. */
    private void arguments(Node args, int column) {
        for (Element a : args.children()) {
            if (isLeaf(a, "COMMA")) {
                out.glue();
                element(a);
            } else {
                out.line(column, false);
                cont = column;
                element(a);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Columns as {@link Out} counts them: code points. */
    private static int columns(String s) {
        return s.codePointCount(0, s.length());
    }

    private static boolean isLeaf(Element e, String type) {
        return e instanceof Leaf l && l.type().equals(type);
    }

    private static Leaf firstLeaf(Element e) {
        while (e instanceof Node n) {
            e = n.children().isEmpty() ? new Leaf("NONE", "", List.of(), 0) : n.children().get(0);
        }
        return (Leaf) e;
    }

    private static Leaf lastLeaf(Element e) {
        while (e instanceof Node n) {
            e = n.children().isEmpty() ? new Leaf("NONE", "", List.of(), 0) : n.children().get(n.children().size() - 1);
        }
        return (Leaf) e;
    }
}
