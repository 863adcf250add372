package dev.vigil.compiler.yaml;

import dev.vigil.compiler.diag.Suppression;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * {@code # vigil:ignore Id reason} comments that belong to one list item (a rule): the comment lines
 * directly above the item (no blank line between), and a comment at the end of the item's first line
 * or of its {@code alert:}/{@code record:} line. The raw lines are scanned; a {@code #} inside a
 * multi-line scalar is content, and one after a key's value on its own line is always a comment.
 */
final class YamlSuppressions {
    private final YamlDocument doc;
    private final Set<Integer> scalarLines;
    private final Set<Integer> attached = new java.util.HashSet<>();

    YamlSuppressions(YamlDocument doc) {
        this.doc = doc;
        this.scalarLines = doc.scalarContentLines();
    }

    /** Suppressions attached to {@code item}; {@code nameKey} is the tuple of its `alert`/`record` key, or null. */
    List<Suppression> forItem(MappingNode item, NodeTuple nameKey) {
        List<Suppression> out = new ArrayList<>();
        Span scope = doc.span(item);
        int first = doc.lineOf(item.getStartMark().getIndex());
        // Above: the dash may stand alone on the line before the first key (`-\n  alert: X`).
        int above = first - 1;
        if (above >= 1 && doc.line(above).strip().equals("-")) {
            above--;
        }
        List<Integer> lines = new ArrayList<>();
        for (int l = above; l >= 1; l--) {
            String text = doc.line(l).strip();
            if (!text.startsWith("#") || scalarLines.contains(l)) {
                break;
            }
            lines.add(0, l);
        }
        for (int l : lines) {
            attached.add(l);
            int col = doc.line(l).indexOf('#');
            comment(l, col, scope).ifPresent(out::add);
        }
        TreeSet<Integer> trailing = new TreeSet<>();
        trailing.add(first);
        if (nameKey != null) {
            trailing.add(doc.lineOf(nameKey.getKeyNode().getStartMark().getIndex()));
        }
        for (int line : trailing) {
            int after = endOfValuesOn(item, line);
            if (after < 0) {
                continue;
            }
            // Only a comment may follow a value on its line; `#` must follow a blank to start one.
            for (int i = after; i < doc.lineStart(line) + doc.line(line).codePointCount(0, doc.line(line).length()); i++) {
                if (doc.codePointAt(i) == '#' && (i == 0 || Character.isWhitespace(doc.codePointAt(i - 1)))) {
                    comment(line, doc.line(line).offsetByCodePoints(0, i - doc.lineStart(line)), scope).ifPresent(out::add);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Suppression comments on lines of their own that belong to no rule. They cover nothing, so they
     * are reported as unused (or malformed) rather than silently doing nothing.
     */
    List<Suppression> orphans() {
        List<Suppression> out = new ArrayList<>();
        Span nothing = new Span(doc.path(), 0, 0, 0, 0);
        for (int l = 1; l <= doc.lineCount(); l++) {
            String text = doc.line(l);
            if (!attached.contains(l) && !scalarLines.contains(l) && text.strip().startsWith("#")) {
                comment(l, text.indexOf('#'), nothing).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Code-point index just past the last scalar value of {@code item} that ends on {@code line}, or -1. */
    private int endOfValuesOn(MappingNode item, int line) {
        int end = -1;
        for (NodeTuple t : item.getValue()) {
            for (var n : List.of(t.getKeyNode(), t.getValueNode())) {
                int e = n.getEndMark().getIndex();
                if (n instanceof org.yaml.snakeyaml.nodes.ScalarNode && doc.lineOf(Math.max(0, e - 1)) == line
                        && doc.lineOf(n.getStartMark().getIndex()) == line) {
                    end = Math.max(end, e);
                }
            }
        }
        return end;
    }

    /** Parses the comment starting at char column {@code col} (0-based) of {@code line}. */
    private Optional<Suppression> comment(int line, int col, Span scope) {
        String text = doc.line(line);
        String body = text.substring(col + 1);
        int startCol = text.codePointCount(0, col) + 1;
        int endCol = text.codePointCount(0, text.length()) + 1;
        Span where = new Span(doc.path(), line, startCol, line, endCol);
        return Suppression.parse(body, scope, where);
    }
}
