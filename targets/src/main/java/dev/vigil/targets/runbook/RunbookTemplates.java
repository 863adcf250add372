package dev.vigil.targets.runbook;

import dev.vigil.targets.EmitSettings;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/** The FreeMarker set-up and rendering every runbook emitter shares. */
public final class RunbookTemplates {
    private RunbookTemplates() {
    }

    /**
     * FreeMarker set up so output does not depend on the machine, loading templates from the
     * project's override directory first, then from this module.
     */
    public static Configuration configuration(EmitSettings settings) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        settings.runbookTemplates().ifPresent(dir -> c.setCustomAttribute(OVERRIDES, dir));
        TemplateLoader builtIn = new ClassTemplateLoader(RunbookTemplates.class, "/dev/vigil/targets/runbook");
        try {
            c.setTemplateLoader(settings.runbookTemplates().isPresent()
                    ? new MultiTemplateLoader(new TemplateLoader[] {
                        new FileTemplateLoader(settings.runbookTemplates().get().toFile()), builtIn})
                    : builtIn);
        } catch (IOException e) {
            // Unreachable from `vigil build` and the Maven plugin, which refuse a templates path that is no directory.
            throw new UncheckedIOException("cannot read runbook templates", e);
        }
        c.setDefaultEncoding("UTF-8");
        // Output must not depend on the machine: no locale, no time zone, plain numbers.
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        return c;
    }

    /** Renders {@code template}, normalised to Unix line ends, no trailing blanks and one final newline. */
    public static String render(Configuration c, String template, Map<String, Object> data) {
        try {
            StringWriter w = new StringWriter();
            c.getTemplate(template).process(data, w);
            // One trailing newline, Unix line ends, no trailing blanks: stable diffs.
            String text = w.toString().replace("\r\n", "\n").replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
            return text.strip() + "\n";
        } catch (freemarker.core.ParseException e) {
            throw failure(c, e.getTemplateName(), e.lineNumber, e.columnNumber, e.getEditorMessage(), e);
        } catch (IOException e) {
            // A project's own template that cannot be read is its author's to fix; a built-in one always loads.
            throw failure(c, template, 1, 1, "it cannot be read (" + e.getMessage() + ")", e);
        } catch (TemplateException e) {
            throw failure(c, e.getTemplateSourceName(), e.getLineNumber(), e.getColumnNumber(),
                    e.getMessageWithoutStackTop(), e);
        }
    }

    /** The key under which the configuration keeps the project's template directory. */
    private static final String OVERRIDES = "vigil.runbookTemplates";

    /**
     * A template of the project's own is the user's mistake ({@link RunbookTemplateException}); one
     * of Vigil's is a bug, which the build reports as internal.
     */
    private static RuntimeException failure(Configuration c, String source, Integer line, Integer column, String message,
            Exception e) {
        Object dir = c.getCustomAttribute(OVERRIDES);
        if (dir instanceof java.nio.file.Path overrides && source != null
                && java.nio.file.Files.isRegularFile(overrides.resolve(source))) {
            String first = message == null ? "" : message.strip().lines().findFirst().orElse("");
            return new RunbookTemplateException(overrides.resolve(source), line == null ? 1 : Math.max(1, line),
                    column == null ? 1 : Math.max(1, column), first, e);
        }
        // A built-in template that fails is a bug in Vigil: the build reports it as Internal.Emitter.
        return new IllegalStateException("runbook template " + source + " failed: " + e.getMessage(), e);
    }
}
