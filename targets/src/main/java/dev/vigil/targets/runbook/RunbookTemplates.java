package dev.vigil.targets.runbook;

import dev.vigil.targets.EmitSettings;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.TemplateNameFormat;
import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateConfiguration;
import freemarker.core.TemplateElement;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The FreeMarker set-up and rendering every runbook emitter shares. A project's own templates
 * ({@code --templates}) are written by whoever can edit the monitoring repository, so they get no
 * more power than turning the runbook data into text: no Java classes ({@code ?new} resolves
 * nothing, {@code ?api} is off, the data model is maps, lists, strings and numbers and the
 * {@code md} functions), no files outside the templates directory, auto-escaped Markdown and HTML,
 * and a bound on the time and output of each runbook.
 */
public final class RunbookTemplates {
    /** One runbook's output at most; the built-in ones are a few KiB. */
    static final int MAX_OUTPUT_CHARS = 1 << 20;
    /** One runbook's rendering time at most; the built-in ones take milliseconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The key under which the configuration keeps the project's template directory. */
    private static final String OVERRIDES = "vigil.runbookTemplates";

    private RunbookTemplates() {
    }

    /**
     * Why {@code dir} may not serve as the templates directory of the project at {@code projectRoot},
     * if it may not: it must be a directory inside the project once symbolic links are resolved, so
     * that a build reads templates from the repository it builds and nowhere else.
     */
    public static Optional<String> refusal(Path dir, Path projectRoot) {
        if (!Files.isDirectory(dir)) {
            return Optional.of("not a directory: " + dir);
        }
        try {
            Path real = dir.toRealPath();
            Path root = projectRoot.toRealPath();
            if (!real.startsWith(root)) {
                return Optional.of(dir + " is outside the project " + projectRoot
                        + (real.equals(dir.toAbsolutePath().normalize()) ? "" : " (it links to " + real + ")")
                        + "; runbook templates must live in the project they document");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot read " + dir + ": " + e.getMessage());
        }
    }

    /**
     * FreeMarker set up so output does not depend on the machine and templates can do no harm,
     * loading templates from the project's override directory first, then from this module.
     */
    public static Configuration configuration(EmitSettings settings) {
        Configuration c = new Checked();
        settings.runbookTemplates().ifPresent(dir -> c.setCustomAttribute(OVERRIDES, dir));
        TemplateLoader builtIn = new ClassTemplateLoader(RunbookTemplates.class, "/dev/vigil/targets/runbook");
        try {
            c.setTemplateLoader(settings.runbookTemplates().isPresent()
                    ? new MultiTemplateLoader(new TemplateLoader[] {
                        new ConfinedTemplateLoader(settings.runbookTemplates().get()), builtIn})
                    : builtIn);
        } catch (IOException e) {
            // Unreachable from `vigil build` and the Maven plugin, which refuse a templates path that is no directory.
            throw new UncheckedIOException("cannot read runbook templates", e);
        }
        // No Java: `?new` instantiates no class (freemarker.template.utility.Execute ran commands), `?api`
        // reaches no methods, and the wrapper refuses any object that is not a map, list, string,
        // number, boolean or template model, so nothing in the data leads to getClass().
        c.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        // Names cannot climb out of the template root, nor be looked up in localized variants.
        c.setTemplateNameFormat(TemplateNameFormat.DEFAULT_2_4_0);
        c.setLocalizedLookup(false);
        // Auto-escaping: Markdown everywhere, HTML in `.ftlh` and `*.html.ftl` templates and `<#outputformat "HTML">`.
        c.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
        c.setOutputFormat(MarkdownOutputFormat.INSTANCE);
        c.setRecognizeStandardFileExtensions(true);
        TemplateConfiguration html = new TemplateConfiguration();
        html.setOutputFormat(HTMLOutputFormat.INSTANCE);
        c.setTemplateConfigurations(new ConditionalTemplateConfigurationFactory(
                new FileNameGlobMatcher("*.htm*.ftl"), html));
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

    /**
     * Every template it hands out, included ones too, checks its thread's interrupt flag in each
     * loop and repetition, so a rendering past its time can be stopped.
     */
    private static final class Checked extends Configuration {
        private final Set<Template> checked = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

        Checked() {
            super(Configuration.VERSION_2_3_34);
        }

        @Override
        public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
                boolean parseAsFTL, boolean ignoreMissing) throws IOException {
            Template t = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
            if (t != null && checked.add(t)) {
                // FreeMarker's own support for stopping a template, as its online tester uses it.
                _CoreAPI.addThreadInterruptedChecks(t);
            }
            return t;
        }
    }

    /**
     * Daemon threads that render, reused: a fleet has ten thousand runbooks, and a thread each cost a
     * second. A template that never ends keeps its thread (it is interrupted, but FreeMarker may not
     * notice); the next rendering gets another.
     */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "vigil-runbook-template");
        t.setDaemon(true);
        return t;
    });

    /** Renders {@code template}, normalised to Unix line ends, no trailing blanks and one final newline. */
    public static String render(Configuration c, String template, Map<String, Object> data) {
        return render(c, template, data, TIMEOUT, MAX_OUTPUT_CHARS);
    }

    /** As {@link #render(Configuration, String, Map)}, within {@code timeout} and {@code maxChars}. */
    static String render(Configuration c, String template, Map<String, Object> data, Duration timeout, int maxChars) {
        Bounded out = new Bounded(maxChars);
        AtomicReference<Environment> env = new AtomicReference<>();
        FutureTask<String> task = new FutureTask<>(() -> {
            Environment e = c.getTemplate(template).createProcessingEnvironment(data, out);
            env.set(e);
            e.process();
            return out.toString();
        });
        // Off the caller's thread, so that a template that never ends can be given up on.
        WORKERS.execute(task);
        String text;
        try {
            text = task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Optional<TemplateElement> at = innermost(env.get());
            task.cancel(true);
            throw failure(c, at.map(x -> x.getTemplate().getSourceName()).orElse(template),
                    at.map(TemplateElement::getBeginLine).orElse(1), at.map(TemplateElement::getBeginColumn).orElse(1),
                    "it runs longer than " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " seconds"
                            : timeout.toMillis() + " ms") + " for one runbook; does a loop never end?", e);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering runbook template " + template, e);
        } catch (ExecutionException e) {
            throw failure(c, template, e.getCause(), maxChars);
        }
        // One trailing newline, Unix line ends, no trailing blanks: stable diffs.
        text = text.replace("\r\n", "\n").replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
        return text.strip() + "\n";
    }

    /** Where a rendering is now: the innermost instruction, read from its environment; empty if unknown. */
    private static Optional<TemplateElement> innermost(Environment e) {
        if (e == null) {
            return Optional.empty();
        }
        try {
            TemplateElement[] stack = _CoreAPI.getInstructionStackSnapshot(e);
            return stack.length == 0 || stack[0].getTemplate() == null ? Optional.empty() : Optional.of(stack[0]);
        } catch (RuntimeException racing) {
            // The worker moved on while we looked; the template alone is still worth naming.
            return Optional.empty();
        }
    }

    private static RuntimeException failure(Configuration c, String template, Throwable cause, int maxChars) {
        if (cause instanceof freemarker.core.ParseException e) {
            return failure(c, e.getTemplateName(), e.lineNumber, e.columnNumber, e.getEditorMessage(), e);
        }
        if (cause instanceof TemplateException e) {
            return failure(c, e.getTemplateSourceName(), e.getLineNumber(), e.getColumnNumber(),
                    e.getMessageWithoutStackTop(), e);
        }
        if (cause instanceof IOException e) {
            // A project's own template that cannot be read is its author's to fix; a built-in one always loads.
            return failure(c, template, 1, 1, "it cannot be read (" + e.getMessage() + ")", e);
        }
        if (cause instanceof TooMuchOutput e) {
            return failure(c, e.at.map(x -> x.getTemplate().getSourceName()).orElse(template),
                    e.at.map(TemplateElement::getBeginLine).orElse(1), e.at.map(TemplateElement::getBeginColumn).orElse(1),
                    "it writes more than " + (maxChars >= 1 << 20 ? (maxChars >> 20) + " MiB" : maxChars + " characters")
                            + " into one runbook", e);
        }
        if (cause instanceof StackOverflowError e) {
            return failure(c, template, 1, 1, "it calls itself too deeply; does a macro or function never stop?", e);
        }
        if (cause instanceof OutOfMemoryError e) {
            return failure(c, template, 1, 1, "it builds more text than the build has memory for", e);
        }
        return failure(c, template, 1, 1, String.valueOf(cause), cause);
    }

    /** Collects a rendering's output, refusing more than its bound as soon as it is passed. */
    private static final class Bounded extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int max;

        Bounded(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            if (text.length() + (long) len > max) {
                throw new TooMuchOutput();
            }
            text.append(cbuf, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            if (text.length() + (long) len > max) {
                throw new TooMuchOutput();
            }
            text.append(s, off, off + len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * Thrown by {@link Bounded} when a runbook outgrows its bound, on the rendering thread, where the
     * instruction that wrote too much is still known.
     */
    private static final class TooMuchOutput extends RuntimeException {
        private final transient Optional<TemplateElement> at;

        TooMuchOutput() {
            super("runbook output limit reached", null, false, false);
            this.at = innermost(Environment.getCurrentEnvironment());
        }
    }

    /**
     * FreeMarker's explanation as one line: its first paragraph, before the tips, without the
     * {@code [in template ...]} locations that the diagnostic's position already gives.
     */
    static String problem(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : message.strip().lines().toList()) {
            if (line.isBlank() || line.startsWith("----")) {
                break;
            }
            String l = line.replaceAll("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+]", "")
                    .replaceFirst("^==> ", "").strip();
            if (!l.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(l);
            }
        }
        return out.toString();
    }

    /**
     * A template of the project's own is the user's mistake ({@link RunbookTemplateException}); one
     * of Vigil's is a bug, which the build reports as internal.
     */
    private static RuntimeException failure(Configuration c, String source, Integer line, Integer column, String message,
            Throwable e) {
        Object dir = c.getCustomAttribute(OVERRIDES);
        if (dir instanceof Path overrides && source != null
                && Files.exists(overrides.resolve(source), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            String first = problem(message);
            return new RunbookTemplateException(overrides.resolve(source), line == null ? 1 : Math.max(1, line),
                    column == null ? 1 : Math.max(1, column), first, e);
        }
        // A built-in template that fails is a bug in Vigil: the build reports it as Internal.Emitter.
        return new IllegalStateException("runbook template " + source + " failed: " + e.getMessage(), e);
    }
}
