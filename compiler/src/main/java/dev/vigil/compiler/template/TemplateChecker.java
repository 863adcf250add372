package dev.vigil.compiler.template;

import dev.vigil.compiler.template.Template.Call;
import dev.vigil.compiler.template.Template.Chain;
import dev.vigil.compiler.template.Template.Command;
import dev.vigil.compiler.template.Template.Control;
import dev.vigil.compiler.template.Template.Define;
import dev.vigil.compiler.template.Template.Field;
import dev.vigil.compiler.template.Template.Identifier;
import dev.vigil.compiler.template.Template.Jump;
import dev.vigil.compiler.template.Template.Node;
import dev.vigil.compiler.template.Template.Operand;
import dev.vigil.compiler.template.Template.Pipeline;
import dev.vigil.compiler.template.Template.Problem;
import dev.vigil.compiler.template.Template.Str;
import dev.vigil.compiler.template.Template.Sub;
import dev.vigil.compiler.template.Template.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an alert template as Prometheus does when it loads the rule: the parser's problems, then
 * names on the tree (unknown functions, variables used outside their scope, {@code break} and
 * {@code continue} outside a {@code range} body), at most one problem per action. It also records
 * what the template reads: labels ({@code $labels.x}, {@code .Labels.x}, {@code $.Labels.x},
 * {@code index $labels "x"}) and the query value ({@code $value}, {@code .Value}, {@code query}).
 */
public final class TemplateChecker {
    /** Variables Prometheus declares before every alert template; a define's body sees only {@code $}. */
    private static final List<String> PREDEFINED = List.of("$", "$labels", "$externalLabels", "$externalURL", "$value");

    /** A label the template reads, where, and as written. */
    public record LabelRef(String name, int offset, String written) {
    }

    /** A function the template calls, and where. */
    public record FunctionUse(String name, int offset) {
    }

    /** What checking found. {@code valueAt} is the offset of the first use of the query value, or -1. */
    public record Result(Template template, List<Problem> problems, List<LabelRef> labels, int valueAt,
            String valueWritten, List<FunctionUse> functions) {
        public boolean usesValue() {
            return valueAt >= 0;
        }
    }

    private final List<Problem> problems = new ArrayList<>();
    private final List<LabelRef> labels = new ArrayList<>();
    private final List<FunctionUse> functions = new ArrayList<>();
    private final List<String> vars = new ArrayList<>(PREDEFINED);
    private int rangeDepth;
    /** Whether {@code .} is the alert's data here: not inside with, range or a define. */
    private boolean rootDot = true;
    /** Whether the action being checked has reported its problem. */
    private boolean reported;
    private int valueAt = -1;
    private String valueWritten;

    private TemplateChecker() {
    }

    /** Never throws, whatever the text. */
    public static Result check(String text) {
        return check(Template.parse(text));
    }

    public static Result check(Template template) {
        TemplateChecker c = new TemplateChecker();
        c.problems.addAll(template.problems());
        c.nodes(template.nodes());
        List<Problem> sorted = new ArrayList<>(c.problems);
        sorted.sort(java.util.Comparator.comparingInt(Problem::offset));
        return new Result(template, List.copyOf(sorted), List.copyOf(c.labels), c.valueAt, c.valueWritten,
                List.copyOf(c.functions));
    }

    private void nodes(List<Node> nodes) {
        for (Node n : nodes) {
            reported = false;
            if (n instanceof Template.Action a) {
                pipeline(a.pipeline());
            } else if (n instanceof Control c) {
                control(c);
            } else if (n instanceof Jump j && rangeDepth == 0) {
                problem("`{{ " + (j.isBreak() ? "break" : "continue") + " }}` is outside a `range`", j.offset());
            } else if (n instanceof Call c && c.pipeline() != null) {
                pipeline(c.pipeline());
            } else if (n instanceof Define d) {
                define(d);
            }
        }
    }

    private void control(Control c) {
        int mark = vars.size();
        boolean outerDot = rootDot;
        int outerDepth = rangeDepth;
        pipeline(c.pipeline());
        // Go counts only a range's own body as inside it, not its else branch.
        rangeDepth += c.keyword() == Template.Keyword.RANGE ? 1 : 0;
        rootDot = outerDot && c.keyword() == Template.Keyword.IF;
        nodes(c.body());
        rangeDepth = outerDepth;
        rootDot = outerDot;
        nodes(c.otherwise());
        // Variables declared in a control's pipeline or branches live until its end.
        vars.subList(mark, vars.size()).clear();
    }

    private void define(Define d) {
        List<String> outerVars = List.copyOf(vars);
        int outerDepth = rangeDepth;
        boolean outerDot = rootDot;
        vars.clear();
        vars.add("$");
        rangeDepth = 0;
        rootDot = false;
        nodes(d.body());
        vars.clear();
        vars.addAll(outerVars);
        rangeDepth = outerDepth;
        rootDot = outerDot;
    }

    private void pipeline(Pipeline p) {
        // Go declares before it reads the commands, and `=` to an undeclared variable fails only when run.
        p.declarations().forEach(v -> vars.add(v.name()));
        for (Command c : p.commands()) {
            List<Operand> ops = c.operands();
            for (Operand o : ops) {
                operand(o);
            }
            if (ops.size() >= 3 && ops.get(0) instanceof Identifier f && f.name().equals("index")
                    && ops.get(1) instanceof Variable v && v.name().equals("$labels") && v.fields().isEmpty()
                    && ops.get(2) instanceof Str s && s.value() != null) {
                labels.add(new LabelRef(s.value(), v.offset(), "index $labels " + s.written()));
            }
        }
    }

    private void operand(Operand o) {
        if (o instanceof Identifier f) {
            if (Functions.lookup(f.name()).isEmpty()) {
                problem("function `" + f.name() + "` is not defined", f.offset());
                return;
            }
            functions.add(new FunctionUse(f.name(), f.offset()));
            if (f.name().equals("query")) {
                value(f.offset(), "query");
            }
        } else if (o instanceof Variable v) {
            variable(v);
        } else if (o instanceof Field f && rootDot) {
            dataField(f.fields(), f);
        } else if (o instanceof Sub s) {
            pipeline(s.pipeline());
        } else if (o instanceof Chain c) {
            operand(c.base());
        }
    }

    private void variable(Variable v) {
        if (!vars.contains(v.name())) {
            problem("variable `" + v.name() + "` is not defined", v.offset());
            return;
        }
        switch (v.name()) {
            case "$value" -> value(v.offset(), "$value");
            case "$" -> dataField(v.fields(), v);
            case "$labels" -> {
                if (!v.fields().isEmpty()) {
                    labels.add(new LabelRef(v.fields().get(0), v.offset(), v.written()));
                }
            }
            default -> {
            }
        }
    }

    /** {@code .Labels.x}, {@code .Value}, {@code $.Labels.x}: fields of the alert's own data. */
    private void dataField(List<String> fields, Operand o) {
        if (fields.isEmpty()) {
            return;
        }
        if (fields.get(0).equals("Value")) {
            value(o.offset(), o.written());
        } else if (fields.get(0).equals("Labels") && fields.size() > 1) {
            labels.add(new LabelRef(fields.get(1), o.offset(), o.written()));
        }
    }

    private void value(int offset, String written) {
        if (valueAt < 0) {
            valueAt = offset;
            valueWritten = written;
        }
    }

    private void problem(String message, int offset) {
        if (!reported) {
            problems.add(new Problem(message, offset));
            reported = true;
        }
    }
}
