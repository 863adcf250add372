package dev.vigil.cli;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.verify.JUnitXml;
import dev.vigil.targets.verify.TestReport;
import dev.vigil.targets.verify.TestReports;
import dev.vigil.targets.verify.TestRunner;
import dev.vigil.targets.verify.ToolRunner;
import dev.vigil.targets.verify.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = "Compile a project, write its output to a temporary directory and prove it with the real tools, "
                + "in parallel: promtool check rules on every rule file, promtool test rules on the DSL and SLO tests, "
                + "amtool check-config, and every routing test through amtool. Each failure is reported at the line "
                + "of the expectation that failed.",
        footer = {"", "Exit status: 0 all passed, 1 a test failed or the sources have errors, 2 usage error or a tool "
                + "missing or unable to finish.", "",
                "promtool and amtool are found on the PATH, or named with --promtool/--amtool or VIGIL_PROMTOOL/VIGIL_AMTOOL.",
                "", "Examples:", "  vigil test samples/crm-events",
                "  vigil test --format junit --junit-out build/test-results/TEST-vigil.xml .", ""})
final class TestCommand implements Callable<Integer> {
    /** The environment variables naming the tools, as the Maven goal's vigil.test.promtool and vigil.test.amtool do. */
    static final String PROMTOOL_ENV = "VIGIL_PROMTOOL";
    static final String AMTOOL_ENV = "VIGIL_AMTOOL";

    /** How the report is printed. */
    enum Format {
        text, json, junit
    }

    @Parameters(arity = "0..1", paramLabel = "PROJECT", defaultValue = ".",
            description = "The project directory (every .vigil file below it); default: the current directory.")
    Path project;

    @Option(names = "--format", defaultValue = "text", description = "Report format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--junit-out", paramLabel = "FILE", description = "Also write the report as JUnit XML to FILE.")
    Path junitOut;

    @Option(names = "--verbose", description = "List every case, and show the tools' own output.")
    boolean verbose;

    @Option(names = "--promtool", paramLabel = "PATH", description = "promtool: a path, or a name looked up on the PATH "
            + "(default: $" + PROMTOOL_ENV + ", else promtool).")
    String promtool;

    @Option(names = "--amtool", paramLabel = "PATH", description = "amtool: a path, or a name looked up on the PATH "
            + "(default: $" + AMTOOL_ENV + ", else amtool).")
    String amtool;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "The longest one tool run may take (default: ${DEFAULT-VALUE}); a longer one is killed.")
    int timeoutSeconds;

    @CommandLine.Mixin
    VersionOptions versions;

    @CommandLine.Mixin
    VersionOptions.Grafana grafana;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (IOException e) {
            // A temporary directory or the JUnit file that cannot be written: the machine's problem, not a test's.
            spec.commandLine().getErr().println("vigil: " + e.getMessage());
            return VigilCommand.EXIT_USAGE;
        }
    }

    private int run() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(project)) {
            err.println("vigil: not a directory: " + project);
            return VigilCommand.EXIT_USAGE;
        }
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout: expected at least 1 second.");
        }
        CompileResult compiled;
        try {
            compiled = new Compiler(SourceLoader.fromWorkingDirectory(), CheckCommand.options(versions, grafana, spec))
                    .check(List.of(project));
        } catch (InputException e) {
            err.println("vigil: " + e.getMessage());
            return VigilCommand.EXIT_USAGE;
        }
        String name = name(project);
        Duration limit = Duration.ofSeconds(timeoutSeconds);
        Verifier.Tools tools = new Verifier.Tools(tool(promtool, PROMTOOL_ENV, "promtool", limit),
                tool(amtool, AMTOOL_ENV, "amtool", limit));
        TestRunner.Outcome outcome = TestRunner.test(compiled, EmitSettings.DEFAULT, tools, name);
        if (outcome.internalFailure().isPresent()) {
            var internal = outcome.compilation().diagnostics().stream().filter(d -> d.inFamily("Internal")).toList();
            err.print(TextRenderer.render(internal, outcome.compilation().sources()).strip() + "\n");
            VigilCommand.debugTrace(spec, outcome.internalFailure().get());
            return VigilCommand.EXIT_INTERNAL;
        }
        if (outcome.report().isEmpty()) {
            // The sources have errors: nothing to test. Text prints them as `vigil check` does.
            if (format == Format.text) {
                int status = Report.print(compiled, OutputFormat.text, out);
                writeJunit(TestReport.compileFailed(name, compiled.diagnostics()), compiled);
                return status;
            }
            return print(TestReport.compileFailed(name, compiled.diagnostics()), compiled);
        }
        TestReport report = outcome.report().get();
        if (!report.missingTools().isEmpty()) {
            for (TestReport.Tool t : report.missingTools()) {
                boolean prom = t == TestReport.Tool.PROMTOOL;
                err.println("vigil: " + t.missing() + " (looked for `" + configured(prom ? promtool : amtool,
                        prom ? PROMTOOL_ENV : AMTOOL_ENV, t.command()) + "`). Install it, put it on the PATH, or name it "
                        + "with `--" + t.command() + " PATH` or " + (prom ? PROMTOOL_ENV : AMTOOL_ENV) + ".");
            }
            return TestReport.EXIT_TOOL;
        }
        return print(report, compiled);
    }

    private int print(TestReport report, CompileResult compiled) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.print(TestReports.json(report, verbose));
            case junit -> out.print(JUnitXml.render(report, compiled.sources()));
            default -> out.print(TestReports.text(report, compiled.sources(), verbose));
        }
        out.flush();
        writeJunit(report, compiled);
        return report.exitStatus();
    }

    private void writeJunit(TestReport report, CompileResult compiled) throws IOException {
        if (junitOut == null) {
            return;
        }
        Path parent = junitOut.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(junitOut, JUnitXml.render(report, compiled.sources()), StandardCharsets.UTF_8);
    }

    /** The option, else the environment variable, else the bare name on the PATH. */
    private static String configured(String option, String env, String name) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        String fromEnv = System.getenv(env);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : name;
    }

    private static Optional<ToolRunner> tool(String option, String env, String name, Duration limit) {
        return ToolRunner.locate(configured(option, env, name)).map(p -> new ToolRunner(p, limit));
    }

    /** The project's name in the JUnit report: its directory's name. */
    private static String name(Path project) {
        Path dir = project.toAbsolutePath().normalize();
        return dir.getFileName() == null ? "project" : dir.getFileName().toString();
    }
}
