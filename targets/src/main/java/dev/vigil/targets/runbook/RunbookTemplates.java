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
        TemplateLoader builtIn = new ClassTemplateLoader(RunbookTemplates.class, "/dev/vigil/targets/runbook");
        try {
            c.setTemplateLoader(settings.runbookTemplates().isPresent()
                    ? new MultiTemplateLoader(new TemplateLoader[] {
                        new FileTemplateLoader(settings.runbookTemplates().get().toFile()), builtIn})
                    : builtIn);
        } catch (IOException e) {
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load runbook template " + template, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("runbook template " + template + " failed: " + e.getMessage(), e);
        }
    }
}
