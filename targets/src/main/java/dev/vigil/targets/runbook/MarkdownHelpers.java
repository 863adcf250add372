package dev.vigil.targets.runbook;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link Markdown} as the functions templates call: {@code ${md.code(alert.name)}}. They are
 * FreeMarker functions, not a Java object, so a template reaches no Java method through them, and
 * each returns {@link MarkdownOutputFormat Markdown} that is inserted without escaping again.
 */
public final class MarkdownHelpers {
    private MarkdownHelpers() {
    }

    /** The {@code md} hash of the data model. */
    public static Map<String, TemplateModel> model() {
        Map<String, TemplateModel> md = new LinkedHashMap<>();
        md.put("text", one("text", Markdown::text));
        md.put("code", one("code", Markdown::code));
        md.put("cellCode", one("cellCode", Markdown::cellCode));
        md.put("prose", one("prose", Markdown::prose));
        md.put("markdown", one("markdown", Markdown::markdown));
        md.put("link", (TemplateMethodModelEx) args -> {
            arity("link", args, 2, 2);
            return markup(Markdown.link(string("link", args, 0), string("link", args, 1)));
        });
        // block(text, language[, indent]): a fenced block, each line indented to sit inside a list item.
        md.put("block", (TemplateMethodModelEx) args -> {
            arity("block", args, 2, 3);
            String block = Markdown.block(string("block", args, 0), string("block", args, 1));
            int indent = args.size() == 3 ? indent(string("block", args, 2)) : 0;
            String pad = " ".repeat(Math.max(0, Math.min(indent, 16)));
            return markup(pad + block.replace("\n", "\n" + pad));
        });
        return Map.copyOf(md);
    }

    private static int indent(String n) throws TemplateModelException {
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw new TemplateModelException("md.block takes a whole number of spaces as argument 3.");
        }
    }

    private static TemplateMethodModelEx one(String name, Function<String, String> f) {
        return args -> {
            arity(name, args, 1, 1);
            return markup(f.apply(string(name, args, 0)));
        };
    }

    private static TemplateModel markup(String markdown) throws TemplateModelException {
        return MarkdownOutputFormat.INSTANCE.fromMarkup(markdown);
    }

    private static void arity(String name, List<?> args, int min, int max) throws TemplateModelException {
        if (args.size() < min || args.size() > max) {
            throw new TemplateModelException("md." + name + " takes " + (min == max ? min : min + " to " + max)
                    + " arguments, not " + args.size() + ".");
        }
    }

    private static String string(String name, List<?> args, int i) throws TemplateModelException {
        Object a = args.get(i);
        if (a instanceof TemplateScalarModel s) {
            String v = s.getAsString();
            return v == null ? "" : v;
        }
        if (a instanceof TemplateNumberModel n) {
            return n.getAsNumber().toString();
        }
        throw new TemplateModelException("md." + name + " takes text as argument " + (i + 1) + ".");
    }
}
