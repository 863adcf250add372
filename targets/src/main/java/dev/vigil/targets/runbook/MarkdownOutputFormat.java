package dev.vigil.targets.runbook;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * The output format of runbook templates: {@code ${value}} of a plain string is escaped as literal
 * Markdown text ({@link Markdown#literal}), so a summary, label value or name holding {@code <script>},
 * {@code *} or {@code [x](javascript:...)} shows as written and is never markup. The {@code md}
 * helpers return Markdown that is already safe, which FreeMarker inserts unescaped.
 */
public final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Output> {
    public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

    private MarkdownOutputFormat() {
    }

    @Override
    public String getName() {
        return "Markdown";
    }

    @Override
    public String getMimeType() {
        return "text/markdown";
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(escapePlainText(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return Markdown.literal(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Output newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Output(plainTextContent, markupContent);
    }

    /** A piece of Markdown that templates insert as it is. */
    public static final class Output extends CommonTemplateMarkupOutputModel<Output> {
        Output(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public MarkdownOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
