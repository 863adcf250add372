package dev.vigil.compiler.template;

import java.util.List;

/**
 * A Go text/template as Prometheus parses it for an alert's annotations and labels: one immutable
 * tree, every node with the character offset where it starts in {@link #text()}. {@link #parse}
 * never throws; what Go's parser would refuse is in {@link #problems()}, and the part of the tree
 * it could not read is left out (a pipeline that did not parse has no commands).
 * {@link TemplateChecker} resolves names on this tree, {@link TemplateRenderer} evaluates it.
 */
public record Template(String text, List<Node> nodes, List<Problem> problems) {
    /** Something Prometheus refuses when it loads the rule, at a character offset of the text. */
    public record Problem(String message, int offset) {
    }

    public static Template parse(String text) {
        return new TemplateParser(text == null ? "" : text).parse();
    }

    // ------------------------------------------------------------------ list nodes

    public sealed interface Node permits Text, Action, Control, Jump, Call, Define {
        int offset();
    }

    /** Literal text, already trimmed by neighbouring `{{-` and `-}}` markers. */
    public record Text(int offset, String text) implements Node {
    }

    /** {@code {{ pipeline }}}: prints the value unless the pipeline declares or assigns a variable. */
    public record Action(int offset, Pipeline pipeline) implements Node {
    }

    public enum Keyword { IF, WITH, RANGE }

    /**
     * {@code {{ if|with|range pipeline }} body {{ else }} otherwise {{ end }}}. An {@code else if}
     * (or Go 1.23's {@code else with}) is a control alone in {@code otherwise}, sharing the {@code end}.
     */
    public record Control(int offset, Keyword keyword, Pipeline pipeline, List<Node> body, List<Node> otherwise)
            implements Node {
    }

    /** {@code {{ break }}} or {@code {{ continue }}}. */
    public record Jump(int offset, boolean isBreak) implements Node {
    }

    /** {@code {{ template "name" pipeline }}}, also where a {@code {{ block }}} stands; pipeline may be null. */
    public record Call(int offset, String name, Pipeline pipeline) implements Node {
    }

    /** {@code {{ define "name" }} body {{ end }}}, or the body of a {@code {{ block }}}. */
    public record Define(int offset, String name, List<Node> body) implements Node {
    }

    // ------------------------------------------------------------------ pipelines

    /**
     * {@code $x := a | b c}: declared (or, with {@code assign}, assigned) variables, then commands
     * joined by pipes. Empty commands mean the parser reported the pipeline as a problem.
     */
    public record Pipeline(int offset, List<Variable> declarations, boolean assign, List<Command> commands) {
    }

    /** A function or value and its space-separated arguments. */
    public record Command(int offset, List<Operand> operands) {
    }

    public sealed interface Operand permits Identifier, Variable, Field, Dot, Str, Num, Bool, Nil, Sub, Chain {
        int offset();

        /** The operand as written, for messages. */
        String written();
    }

    /** A function name. */
    public record Identifier(int offset, String name) implements Operand {
        public String written() {
            return name;
        }
    }

    /** {@code $name.f1.f2}; {@code $} alone is the template's data. */
    public record Variable(int offset, String name, List<String> fields) implements Operand {
        public String written() {
            return name + dotted(fields);
        }
    }

    /** {@code .f1.f2}: fields of the cursor. */
    public record Field(int offset, List<String> fields) implements Operand {
        public String written() {
            return dotted(fields);
        }
    }

    /** {@code .}: the cursor. */
    public record Dot(int offset) implements Operand {
        public String written() {
            return ".";
        }
    }

    /** A quoted string; {@code value} is null when its escapes make bytes that are not UTF-8. */
    public record Str(int offset, String written, String value) implements Operand {
    }

    /**
     * A number or character constant, with the value Go's executor gives it: a {@code Long} for an
     * int, a {@code Double} for a float, null for what Vigil does not evaluate (complex, above int64).
     */
    public record Num(int offset, String written, Number value) implements Operand {
    }

    public record Bool(int offset, boolean value) implements Operand {
        public String written() {
            return String.valueOf(value);
        }
    }

    public record Nil(int offset) implements Operand {
        public String written() {
            return "nil";
        }
    }

    /** {@code (pipeline)}. */
    public record Sub(int offset, Pipeline pipeline) implements Operand {
        public String written() {
            return "(...)";
        }
    }

    /** Fields read from a parenthesized pipeline or a function's result: {@code (x).f1.f2}. */
    public record Chain(int offset, Operand base, List<String> fields) implements Operand {
        public String written() {
            return base.written() + dotted(fields);
        }
    }

    private static String dotted(List<String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach(f -> out.append('.').append(f));
        return out.toString();
    }
}
