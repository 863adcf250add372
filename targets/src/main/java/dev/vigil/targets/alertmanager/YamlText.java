package dev.vigil.targets.alertmanager;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * YAML text from maps and lists, always through SnakeYAML: block style, two-space indent, Unix
 * line breaks, no line folding, and multi-line strings (templates, embedded configs) as literal
 * blocks so they stay readable. Map order is the caller's insertion order.
 */
final class YamlText {
    private YamlText() {
    }

    static String dump(Object document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setAllowUnicode(true);
        // A shared list would otherwise become an anchor and alias, legal but hard to read.
        options.setDereferenceAliases(true);
        String text = new Yaml(new LiteralRepresenter(options), options).dump(document);
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static final class LiteralRepresenter extends Representer {
        LiteralRepresenter(DumperOptions options) {
            super(options);
            Represent plain = representers.get(String.class);
            representers.put(String.class, data -> {
                String s = (String) data;
                if (s.indexOf('\n') >= 0) {
                    Node node = representScalar(Tag.STR, s, DumperOptions.ScalarStyle.LITERAL);
                    return node;
                }
                return plain.representData(data);
            });
        }
    }
}
