package dev.vigil.compiler.yaml;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML file composed into SnakeYAML's node tree, with positions in the file's own terms.
 * SnakeYAML counts U+2028, U+0085 and a lone CR as line breaks; Vigil (like editors) counts only
 * LF. Positions are therefore computed from the mark's code-point index, never from its line.
 */
public final class YamlDocument {
    /** Aliases to collections: a few are normal (`<<: *defaults`); thousands are a billion-laughs attack. */
    static final int MAX_ALIASES = 100;
    /** Deeper than any real rule file or route tree; keeps the composer off the stack limit. */
    static final int MAX_NESTING = 100;
    /**
     * Nodes a document may hold once its aliases are expanded. Without aliases an 8 MB file holds
     * fewer; nine levels of nine aliases (a billion laughs, within {@link #MAX_ALIASES}) hold 387 million.
     */
    static final long MAX_EXPANDED_NODES = 5_000_000;

    private final SourceFile source;
    private final Node root;
    private final int[] codePoints;
    private final int[] lineStartCps;

    private YamlDocument(SourceFile source, Node root) {
        this.source = source;
        this.root = root;
        this.codePoints = source.text().codePoints().toArray();
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < codePoints.length; i++) {
            if (codePoints[i] == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStartCps = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Composes the file. A syntax error, a recursive alias or a second document become a
     * {@code Yaml.Syntax} diagnostic and an empty result, an alias bomb or a file over SnakeYAML's size
     * limit an {@code Input.TooLarge} and nesting too deep an {@code Input.TooDeep}, as for any input;
     * duplicate keys are reported as {@code Yaml.DuplicateKey} and the document is still returned
     * (readers use the first key).
     */
    public static Optional<YamlDocument> compose(SourceFile source, DiagnosticSink sink) {
        try {
            return compose(source, new Yaml(options(source)).compose(new StringReader(source.text())), sink);
        } catch (YAMLException | StackOverflowError e) {
            refused(source, e, sink);
            return Optional.empty();
        }
    }

    /**
     * Composes every document of a file separated by {@code ---}, as kube-prometheus ships them. Each
     * document's spans are in the file's own positions. An empty document ({@code ---} at the end) is
     * left out. A problem in any document is reported as {@link #compose} reports it, and then no
     * document is returned: a file is taken whole or not at all.
     */
    public static List<YamlDocument> composeAll(SourceFile source, DiagnosticSink sink) {
        List<YamlDocument> out = new ArrayList<>();
        try {
            for (Node root : new Yaml(options(source)).composeAll(new StringReader(source.text()))) {
                if (root == null) {
                    continue;
                }
                Optional<YamlDocument> doc = compose(source, root, sink);
                if (doc.isEmpty()) {
                    return List.of();
                }
                out.add(doc.get());
            }
        } catch (YAMLException | StackOverflowError e) {
            refused(source, e, sink);
            return List.of();
        }
        return out;
    }

    /** The limits every YAML reader of Vigil composes with (aliases, nesting, size); duplicate keys are checked here. */
    public static LoaderOptions options(SourceFile source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // checked here instead, with both positions
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(Math.max(source.text().length() + 1, 1024));
        options.setAllowRecursiveKeys(false);
        return options;
    }

    private static Optional<YamlDocument> compose(SourceFile source, Node root, DiagnosticSink sink) {
        YamlDocument doc = new YamlDocument(source, root);
        if (root != null && !doc.checkTree(root, new IdentityHashMap<>(), new IdentityHashMap<>(), sink)) {
            return Optional.empty();
        }
        if (root != null && doc.expanded(root, new IdentityHashMap<>(), sink) > MAX_EXPANDED_NODES) {
            return Optional.empty();
        }
        return Optional.of(doc);
    }

    /**
     * The number of nodes under {@code node} with every alias expanded, counted once per shared node
     * (the tree is acyclic by now and at most {@link #MAX_NESTING} deep). The first collection that
     * grows past {@link #MAX_EXPANDED_NODES} is reported as {@code Input.TooLarge}: an alias bomb.
     */
    private long expanded(Node node, Map<Node, Long> sizes, DiagnosticSink sink) {
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        List<Node> children = new ArrayList<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                children.add(t.getKeyNode());
                children.add(t.getValueNode());
            }
        } else if (node instanceof SequenceNode q) {
            children.addAll(q.getValue());
        }
        long size = 1;
        for (Node child : children) {
            size += expanded(child, sizes, sink);
            if (size > MAX_EXPANDED_NODES) {
                sink.error(Ids.INPUT_TOO_LARGE, span(node), "Through its aliases this YAML expands to more than "
                        + MAX_EXPANDED_NODES + " values.", "Vigil refuses alias bombs; write the values out instead.");
                // Saturated, so that the enclosing collections stop too without reporting again.
                size = Long.MAX_VALUE / 2;
                break;
            }
        }
        sizes.put(node, size);
        return size;
    }

    /** Reports why SnakeYAML refused the file: a positioned syntax error, or one of the limits set above. */
    private static void refused(SourceFile source, Throwable t, DiagnosticSink sink) {
        if (t instanceof MarkedYAMLException e) {
            YamlDocument positions = new YamlDocument(source, null);
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Span at = mark == null ? Span.point(source.path(), 1, 1) : positions.point(mark.getIndex());
            String[] says = explain(e.getProblem() == null ? "" : e.getProblem(), e.getContext());
            sink.error(Ids.YAML_SYNTAX, at, says[0], says[1]);
        } else if (t instanceof YAMLException e) {
            sink.error(limitExceeded(String.valueOf(e.getMessage())), Span.point(source.path(), 1, 1),
                    "The YAML cannot be read: " + sentence(String.valueOf(e.getMessage())) + ".",
                    "Vigil refuses documents with many aliases, deep nesting or very large size.");
        } else {
            sink.error(Ids.INPUT_TOO_DEEP, Span.point(source.path(), 1, 1), "The YAML is nested too deeply to read.", null);
        }
    }

    /** The id of a problem SnakeYAML reports without a position: one of the limits set above, or else a syntax error. */
    private static String limitExceeded(String problem) {
        if (problem.startsWith("Nesting Depth exceeded")) {
            return Ids.INPUT_TOO_DEEP;
        }
        if (problem.startsWith("Number of aliases") || problem.startsWith("The incoming YAML document exceeds the limit")) {
            return Ids.INPUT_TOO_LARGE;
        }
        return Ids.YAML_SYNTAX;
    }

    /**
     * SnakeYAML's problem in the user's terms: a message and a hint. Its own wording names parser
     * states (`<block end>`), so the common cases are translated and the rest quoted.
     */
    static String[] explain(String problem, String context) {
        String p = problem.strip();
        String c = context == null ? "" : context;
        if (p.startsWith("expected <block end>") || p.startsWith("expected <document start>")) {
            return new String[] {"This line is indented differently from the lines it belongs with.",
                "Line keys of one mapping up at the same column, with spaces."};
        }
        if (p.equals("mapping values are not allowed here")) {
            return new String[] {"A `:` stands where YAML expects a plain value.",
                "Quote a value that contains `: `, or fix the indentation of this line."};
        }
        if (p.startsWith("could not find expected ':'")) {
            return new String[] {"A key here has no `:` after it.", "Write `key: value`, or quote text that spans lines."};
        }
        if (p.contains("\t") || p.contains("\\t") || p.contains("TAB")) {
            return new String[] {"A tab indents this line; YAML indents with spaces only.", "Replace the tabs with spaces."};
        }
        if (p.startsWith("Global tag is not allowed")) {
            return new String[] {"A Java type tag such as `!!java.lang.Object` stands here; Vigil reads plain YAML only.",
                "Remove the tag."};
        }
        if (p.startsWith("found undefined alias")) {
            return new String[] {"The alias `*" + p.substring("found undefined alias".length()).strip()
                    + "` names no anchor.", "Define `&name` before using `*name`."};
        }
        if (c.contains("quoted scalar") && p.contains("end of stream")) {
            return new String[] {"A quoted string is never closed.", "Add the closing quote."};
        }
        if (p.startsWith("expected a single document")) {
            return new String[] {"The file holds more than one YAML document.",
                "Prometheus and Alertmanager read a single document; remove the `---` and merge, or split the file."};
        }
        return new String[] {"The YAML cannot be read: " + sentence(p.isEmpty() ? "it is malformed" : p) + ".",
            c.isEmpty() ? "Check the indentation and quoting here and on the line before."
                    : "YAML stopped " + sentence(c) + "; check the indentation and quoting there."};
    }

    private static String sentence(String problem) {
        String p = problem.strip().replace('\n', ' ');
        while (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /**
     * Reports duplicate keys and refuses recursive aliases. Aliased nodes are shared, so each node is
     * checked once; {@code open} holds the nodes on the current path.
     */
    private boolean checkTree(Node node, Map<Node, Boolean> done, Map<Node, Boolean> open, DiagnosticSink sink) {
        if (open.containsKey(node)) {
            sink.error(Ids.YAML_SYNTAX, span(node), "The YAML cannot be read: an alias refers to a node that contains it.",
                    "Recursive aliases cannot be expanded; copy the values instead.");
            return false;
        }
        if (done.containsKey(node)) {
            return true;
        }
        open.put(node, Boolean.TRUE);
        boolean ok = true;
        if (node instanceof MappingNode m) {
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && !k.getTag().equals(Tag.MERGE)) {
                    Node first = seen.putIfAbsent(k.getValue(), k);
                    if (first != null) {
                        Span where = span(first);
                        sink.error(Ids.YAML_DUPLICATE_KEY, span(k), "The key `" + k.getValue()
                                + "` is repeated in this mapping; it is first given on line " + where.line() + ".",
                                "Prometheus and Alertmanager refuse the whole file; merge the two `" + k.getValue()
                                        + "` entries into one.");
                    }
                }
                ok &= checkTree(t.getKeyNode(), done, open, sink) && checkTree(t.getValueNode(), done, open, sink);
                if (!ok) {
                    break;
                }
            }
        } else if (node instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                ok &= checkTree(item, done, open, sink);
                if (!ok) {
                    break;
                }
            }
        }
        open.remove(node);
        done.put(node, Boolean.TRUE);
        return ok;
    }

    public SourceFile source() {
        return source;
    }

    public String path() {
        return source.path();
    }

    /** The root node; null for an empty document. */
    public Node root() {
        return root;
    }

    /** The code point at {@code index}, or -1 past the end. */
    int codePointAt(int index) {
        return index >= 0 && index < codePoints.length ? codePoints[index] : -1;
    }

    int length() {
        return codePoints.length;
    }

    /** 1-based line of a code-point index. */
    int lineOf(int index) {
        int lo = 0;
        int hi = lineStartCps.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStartCps[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** Code-point index of the first character of a 1-based line. */
    int lineStart(int line) {
        return lineStartCps[Math.max(0, Math.min(line, lineStartCps.length) - 1)];
    }

    int lineCount() {
        return lineStartCps.length;
    }

    /** The text of a 1-based line. */
    String line(int line) {
        return source.line(line);
    }

    /** A one-character span at a code-point index. */
    Span point(int index) {
        int line = lineOf(index);
        int column = index - lineStartCps[line - 1] + 1;
        return new Span(source.path(), line, column, line, column + 1);
    }

    /** The span between two code-point indexes (end exclusive). */
    Span span(int start, int end) {
        int line = lineOf(start);
        int endLine = lineOf(Math.max(start, end));
        return new Span(source.path(), line, start - lineStartCps[line - 1] + 1,
                endLine, Math.max(start, end) - lineStartCps[endLine - 1] + 1);
    }

    /**
     * A node's span. Block scalars and collections end after their trailing line break; the span is
     * pulled back to the last non-blank character so that underlines stay on the node's own lines.
     */
    public Span span(Node node) {
        int start = node.getStartMark().getIndex();
        int end = node.getEndMark().getIndex();
        while (end > start && Character.isWhitespace(codePointAt(end - 1))) {
            end--;
        }
        return span(start, Math.max(end, start + (node instanceof ScalarNode s && s.getValue().isEmpty() ? 0 : 1)));
    }

    /** The lines (1-based) holding the text of multi-line scalars: a `#` there is content, not a comment. */
    Set<Integer> scalarContentLines() {
        Set<Integer> lines = new java.util.HashSet<>();
        if (root != null) {
            collectScalarLines(root, lines, new IdentityHashMap<>());
        }
        return lines;
    }

    private void collectScalarLines(Node node, Set<Integer> lines, Map<Node, Boolean> done) {
        if (done.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof ScalarNode s) {
            int first = lineOf(s.getStartMark().getIndex());
            int endIndex = s.getEndMark().getIndex();
            int last = lineOf(endIndex);
            if (endIndex == lineStart(last) && last > first) {
                last--; // block scalars end at the start of the next line
            }
            for (int l = first + 1; l <= last; l++) {
                lines.add(l);
            }
        } else if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                collectScalarLines(t.getKeyNode(), lines, done);
                collectScalarLines(t.getValueNode(), lines, done);
            }
        } else if (node instanceof SequenceNode q) {
            q.getValue().forEach(n -> collectScalarLines(n, lines, done));
        }
    }
}
