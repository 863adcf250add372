package dev.vigil.compiler.template;

import dev.vigil.compiler.template.GoValues.AlertData;
import dev.vigil.compiler.template.GoValues.ArgsMap;
import dev.vigil.compiler.template.Template.Bool;
import dev.vigil.compiler.template.Template.Call;
import dev.vigil.compiler.template.Template.Chain;
import dev.vigil.compiler.template.Template.Command;
import dev.vigil.compiler.template.Template.Control;
import dev.vigil.compiler.template.Template.Define;
import dev.vigil.compiler.template.Template.Dot;
import dev.vigil.compiler.template.Template.Field;
import dev.vigil.compiler.template.Template.Identifier;
import dev.vigil.compiler.template.Template.Jump;
import dev.vigil.compiler.template.Template.Node;
import dev.vigil.compiler.template.Template.Num;
import dev.vigil.compiler.template.Template.Operand;
import dev.vigil.compiler.template.Template.Pipeline;
import dev.vigil.compiler.template.Template.Str;
import dev.vigil.compiler.template.Template.Sub;
import dev.vigil.compiler.template.Template.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders an alert annotation the way Prometheus does (Go's text/template executor with
 * Prometheus's functions and {@code missingkey=zero}) for a known set of labels and query value.
 * Vigil uses it to write the exact annotations a promtool unit test expects. It evaluates the
 * tree {@link Template#parse} builds, once {@link TemplateChecker} finds no problem; functions that
 * need a live Prometheus ({@code query}, {@code first}, ...) are refused with a message.
 */
public final class TemplateRenderer {
    /** Go's executor stops deep recursion too (at 100000); templates that recurse this far never end. */
    private static final int MAX_DEPTH = 1000;

    private final Map<String, Define> defines;
    private final List<Object[]> vars = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private int depth;

    private TemplateRenderer(Map<String, Define> defines) {
        this.defines = defines;
    }

    /** The rendered text. {@code $labels}, {@code .Labels} and {@code $value}, {@code .Value} are set. */
    public static String render(String template, Map<String, String> labels, double value,
            Map<String, String> externalLabels) throws TemplateException {
        TemplateChecker.Result checked = TemplateChecker.check(template);
        if (!checked.problems().isEmpty()) {
            throw new TemplateException(checked.problems().get(0).message());
        }
        Map<String, Define> defines = new HashMap<>();
        collect(checked.template().nodes(), defines);
        AlertData data = new AlertData(new TreeMap<>(labels), new TreeMap<>(externalLabels), "", value);
        TemplateRenderer r = new TemplateRenderer(defines);
        r.push("$", data);
        r.push("$labels", data.labels());
        r.push("$externalLabels", data.externalLabels());
        r.push("$externalURL", data.externalURL());
        r.push("$value", value);
        r.nodes(checked.template().nodes(), data);
        return r.out.toString();
    }

    /** Every define, wherever it stands, as Go adds them to the template set while parsing. */
    private static void collect(List<Node> nodes, Map<String, Define> into) {
        for (Node n : nodes) {
            if (n instanceof Define d) {
                into.put(d.name(), d);
                collect(d.body(), into);
            } else if (n instanceof Control c) {
                collect(c.body(), into);
                collect(c.otherwise(), into);
            }
        }
    }

    // ------------------------------------------------------------------ variables

    private void push(String name, Object value) {
        vars.add(new Object[] {name, value});
    }

    private Object[] find(String name) throws TemplateException {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i)[0].equals(name)) {
                return vars.get(i);
            }
        }
        throw new TemplateException("undefined variable: " + name);
    }

    private void pop(int mark) {
        vars.subList(mark, vars.size()).clear();
    }

    // ------------------------------------------------------------------ nodes

    /** {@code break} and {@code continue} unwind to their range, as Go's executor panics do. */
    private static final class Jumped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean isBreak;

        Jumped(boolean isBreak) {
            super(null, null, false, false);
            this.isBreak = isBreak;
        }
    }

    private void nodes(List<Node> nodes, Object dot) throws TemplateException {
        for (Node n : nodes) {
            if (n instanceof Template.Text t) {
                out.append(t.text());
            } else if (n instanceof Template.Action a) {
                Object v = pipeline(a.pipeline(), dot);
                if (a.pipeline().declarations().isEmpty()) {
                    out.append(v == null ? "<no value>" : GoValues.print(v));
                }
            } else if (n instanceof Control c) {
                control(c, dot);
            } else if (n instanceof Jump j) {
                throw new Jumped(j.isBreak());
            } else if (n instanceof Call c) {
                call(c, dot);
            }
        }
    }

    private void control(Control c, Object dot) throws TemplateException {
        int mark = vars.size();
        Object v = pipeline(c.pipeline(), dot);
        switch (c.keyword()) {
            case IF -> nodes(GoValues.truth(v) ? c.body() : c.otherwise(), dot);
            case WITH -> {
                if (GoValues.truth(v)) {
                    nodes(c.body(), v);
                } else {
                    nodes(c.otherwise(), dot);
                }
            }
            case RANGE -> range(c, v, dot);
        }
        pop(mark);
    }

    /** Go ranges over a map in key order; a nil value runs the else branch, as an empty map does. */
    private void range(Control c, Object v, Object dot) throws TemplateException {
        SortedMap<String, ?> entries;
        if (v instanceof SortedMap<?, ?> m) {
            @SuppressWarnings("unchecked")
            SortedMap<String, ?> labels = (SortedMap<String, ?>) m;
            entries = labels;
        } else if (v instanceof ArgsMap a) {
            entries = a.values();
        } else if (v == null) {
            entries = new TreeMap<>();
        } else {
            throw new TemplateException("range can't iterate over " + GoValues.print(v));
        }
        List<Variable> decls = c.pipeline().declarations();
        int mark = vars.size();
        for (Map.Entry<String, ?> e : entries.entrySet()) {
            // The pipeline pushed its variables: the last one takes the element, the first the key.
            if (!decls.isEmpty()) {
                vars.get(mark - 1)[1] = e.getValue();
            }
            if (decls.size() > 1) {
                vars.get(mark - 2)[1] = e.getKey();
            }
            try {
                nodes(c.body(), e.getValue());
            } catch (Jumped j) {
                if (j.isBreak) {
                    pop(mark);
                    return;
                }
            }
            pop(mark);
        }
        if (entries.isEmpty()) {
            nodes(c.otherwise(), dot);
        }
    }

    private void call(Call c, Object dot) throws TemplateException {
        Define d = defines.get(c.name());
        if (d == null) {
            throw new TemplateException("no such template \"" + c.name() + "\"");
        }
        Object arg = c.pipeline() == null ? null : pipeline(c.pipeline(), dot);
        if (++depth > MAX_DEPTH) {
            throw new TemplateException("template \"" + c.name() + "\" calls itself without end");
        }
        List<Object[]> saved = new ArrayList<>(vars);
        vars.clear();
        push("$", arg);
        try {
            nodes(d.body(), arg);
        } finally {
            vars.clear();
            vars.addAll(saved);
            depth--;
        }
    }

    // ------------------------------------------------------------------ pipelines

    private Object pipeline(Pipeline p, Object dot) throws TemplateException {
        Object value = null;
        boolean piped = false;
        for (Command c : p.commands()) {
            value = command(c, dot, piped, value);
            piped = true;
        }
        for (Variable v : p.declarations()) {
            if (p.assign()) {
                find(v.name())[1] = value;
            } else {
                push(v.name(), value);
            }
        }
        return value;
    }

    private Object command(Command c, Object dot, boolean hasPiped, Object piped) throws TemplateException {
        List<Operand> ops = c.operands();
        if (ops.get(0) instanceof Identifier f) {
            return call(f.name(), ops.subList(1, ops.size()), dot, hasPiped, piped);
        }
        if (ops.size() > 1 || hasPiped) {
            throw new TemplateException("can't give argument to non-function " + ops.get(0).written());
        }
        if (ops.get(0) instanceof Template.Nil) {
            throw new TemplateException("nil is not a command");
        }
        return value(ops.get(0), dot);
    }

    private Object call(String name, List<Operand> args, Object dot, boolean hasPiped, Object piped)
            throws TemplateException {
        Functions.Function f = Functions.lookup(name)
                .orElseThrow(() -> new TemplateException("function \"" + name + "\" not defined"));
        if (!f.offline()) {
            throw new TemplateException("`" + name + "` needs a running Prometheus; give the annotation in the test");
        }
        int size = args.size() + (hasPiped ? 1 : 0);
        Object[] values = new Object[size];
        boolean[] done = new boolean[size];
        return f.body().call(new Functions.Args() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Object get(int i) throws TemplateException {
                if (!done[i]) {
                    values[i] = i < args.size() ? value(args.get(i), dot) : piped;
                    done[i] = true;
                }
                return values[i];
            }
        });
    }

    private Object value(Operand o, Object dot) throws TemplateException {
        if (o instanceof Str s) {
            if (s.value() == null) {
                throw new TemplateException("the string " + s.written() + " is not UTF-8 text, which Vigil does not render");
            }
            return s.value();
        }
        if (o instanceof Num n) {
            if (n.value() == null) {
                throw new TemplateException("the number " + n.written() + " is not evaluated by Vigil");
            }
            return n.value();
        }
        if (o instanceof Bool b) {
            return b.value();
        }
        if (o instanceof Dot) {
            return dot;
        }
        if (o instanceof Variable v) {
            return fields(find(v.name())[1], v.fields());
        }
        if (o instanceof Field f) {
            return fields(dot, f.fields());
        }
        if (o instanceof Sub s) {
            return pipeline(s.pipeline(), dot);
        }
        if (o instanceof Identifier f) {
            return call(f.name(), List.of(), dot, false, null);
        }
        if (o instanceof Chain c) {
            return fields(value(c.base(), dot), c.fields());
        }
        return null;
    }

    /** Field reads: the alert's struct fields, and map keys where a missing key reads as the zero value. */
    private static Object fields(Object base, List<String> names) throws TemplateException {
        Object cur = base;
        for (String name : names) {
            if (cur instanceof AlertData d) {
                cur = switch (name) {
                    case "Labels" -> d.labels();
                    case "ExternalLabels" -> d.externalLabels();
                    case "ExternalURL" -> d.externalURL();
                    case "Value" -> d.value();
                    default -> throw new TemplateException("can't evaluate field " + name + " in type "
                            + GoValues.typeName(d));
                };
            } else if (cur instanceof Map<?, ?> m) {
                Object v = m.get(name);
                cur = v == null ? "" : v;
            } else if (cur instanceof ArgsMap a) {
                cur = a.values().get(name);
            } else if (cur != null) {
                throw new TemplateException("can't evaluate field " + name + " in type " + GoValues.typeName(cur));
            }
        }
        return cur;
    }
}
