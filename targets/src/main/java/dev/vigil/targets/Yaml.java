package dev.vigil.targets;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * YAML output for every emitter, through SnakeYAML: block style, two-space indent, no line
 * folding, and multi-line strings (PromQL, descriptions) as literal block scalars. Key order is
 * the insertion order of the maps handed in, which the emitters keep stable.
 */
public final class Yaml {
    private Yaml() {
    }

    public static String dump(Object document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setExplicitStart(false);
        options.setAllowUnicode(true);
        // A map or list used twice would otherwise become an anchor and alias: legal, but hard to read.
        options.setDereferenceAliases(true);
        return new org.yaml.snakeyaml.Yaml(new LiteralStrings(options), options).dump(document);
    }

    /** Strings with line breaks become `|` block scalars, which keep them readable and byte-exact. */
    private static final class LiteralStrings extends Representer {
        LiteralStrings(DumperOptions options) {
            super(options);
            Represent plain = representers.get(String.class);
            representers.put(String.class, data -> {
                String s = (String) data;
                if (s.indexOf('\n') >= 0 && literalSafe(s)) {
                    return representScalar(Tag.STR, s, DumperOptions.ScalarStyle.LITERAL);
                }
                if (!org.yaml.snakeyaml.reader.StreamReader.isPrintable(s) || hasUnicodeBreak(s) || s.indexOf('\r') >= 0) {
                    // SnakeYAML would write control characters as !!binary, which Prometheus cannot read as
                    // a string, and YAML folds NEL and the Unicode line separators into line breaks; a
                    // double-quoted scalar escapes all of them.
                    return representScalar(Tag.STR, s, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
                }
                return plain.representData(data);
            });
        }
    }

    /**
     * A literal block cannot carry trailing spaces on a line, a tab or carriage return, or leading
     * spaces on its first line in a way that survives every reader; such strings stay quoted.
     */
    static boolean literalSafe(String s) {
        if (hasUnicodeBreak(s) || s.contains("\r") || s.contains("\t") || s.startsWith(" ") || s.contains(" \n") || s.endsWith(" ")) {
            return false;
        }
        return s.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\n');
    }

    /** NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: line breaks to a YAML reader, text to everyone else. */
    static boolean hasUnicodeBreak(String s) {
        return s.indexOf('\u0085') >= 0 || s.indexOf('\u2028') >= 0 || s.indexOf('\u2029') >= 0;
    }

    /** Loads YAML the way the real tools will (for tests and round-trip checks): duplicate keys rejected. */
    public static Object load(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new org.yaml.snakeyaml.Yaml(options).load(text);
    }
}
