package dev.vigil.cli;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.coverage.Coverage;
import dev.vigil.compiler.coverage.CoverageReports;
import dev.vigil.compiler.coverage.Coverages;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.TestCoverage;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.verify.CoverageCase;
import dev.vigil.targets.verify.JUnitXml;
import dev.vigil.targets.verify.TestReport;
import dev.vigil.targets.verify.TestReports;
import dev.vigil.targets.verify.TestRunner;
import dev.vigil.targets.verify.ToolRunner;
import dev.vigil.targets.verify.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
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
        footer = {"", "Exit status: 0 all passed, 1 a test failed, the sources have errors or the tests cover less than "
                + "required, 2 usage error or a tool missing or unable to finish.", "",
                "promtool and amtool are found on the PATH, or named with --promtool/--amtool or VIGIL_PROMTOOL/VIGIL_AMTOOL.",
                "", "Examples:", "  vigil test samples/crm-events",
                "  vigil test --format junit --junit-out build/test-results/TEST-vigil.xml .",
                "  vigil test --coverage --min-coverage 100 samples/crm-events",
                "  vigil test --coverage-format markdown --coverage-out coverage.md .", ""})
final class TestCommand implements Callable<Integer> {
    /** The environment variables naming the tools, as the Maven goal's vigil.test.promtool and vigil.test.amtool do. */
    static final String PROMTOOL_ENV = "VIGIL_PROMTOOL";
    static final String AMTOOL_ENV = "VIGIL_AMTOOL";

    /** How the report is printed. */
    enum Format {
        text, json, junit
    }

    /** How the coverage report is printed. */
    enum CoverageFormat {
        text, json, markdown
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

    @Option(names = "--coverage", description = "Also report what the tests cover: each alert fired, silent and without "
            + "traffic, each route and inhibit rule, each recording rule read, each SLO's scenarios.")
    boolean coverage;

    @Option(names = "--coverage-format", paramLabel = "FORMAT", description = "The coverage report's format: "
            + "${COMPLETION-CANDIDATES} (default: json with --format json, else text); implies --coverage.")
    CoverageFormat coverageFormat;

    @Option(names = "--coverage-out", paramLabel = "FILE", description = "Write the coverage report to FILE instead of "
            + "standard output (implies --coverage).")
    Path coverageOut;

    @Option(names = "--min-coverage", paramLabel = "PERCENT", description = "Fail below this share of the coverage "
            + "points (0 to 100), naming each object not fully tested; replaces the sources' `test_coverage`.")
    String minCoverage;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "The longest one tool run may take (default: ${DEFAULT-VALUE}); a longer one is killed.")
    int timeoutSeconds;

    @CommandLine.Mixin
    VersionOptions versions;

    @CommandLine.Mixin
    VersionOptions.Grafana grafana;

    @CommandLine.Mixin
    LibraryOptions libraries;

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
        Optional<BigDecimal> minimum = Optional.empty();
        if (minCoverage != null) {
            minimum = CoverageCase.parseMinimum(minCoverage);
            if (minimum.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--min-coverage: expected a percentage from "
                        + "0 to 100, such as `90`, but got `" + minCoverage + "`.");
            }
        }
        CoverageFormat coverageAs = coverageFormat != null ? coverageFormat
                : format == Format.json ? CoverageFormat.json : CoverageFormat.text;
        boolean reportCoverage = coverage || coverageOut != null || coverageFormat != null;
        if (reportCoverage && coverageOut == null && !(format == Format.text && coverageAs != CoverageFormat.json
                || format == Format.json && coverageAs == CoverageFormat.json)) {
            // One document per output: JSON holds the coverage as a member, JUnit XML holds none.
            throw new CommandLine.ParameterException(spec.commandLine(), "--format " + format + " fills standard output; "
                    + "write the " + coverageAs + " coverage report to a file with --coverage-out FILE.");
        }
        CompileResult compiled;
        try {
            compiled = new Compiler(SourceLoader.fromWorkingDirectory(), CheckCommand.options(versions, grafana, libraries, spec))
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
        Project lowered = compiled.project().orElseThrow();
        TestCoverage required = lowered.settings().testCoverage();
        if (minimum.isPresent()) {
            required = required.withMinimum(minimum.get());
        }
        Coverage covered = Coverages.of(lowered);
        report = report.with(CoverageCase.of(covered, required).stream().toList());
        return print(report, compiled, reportCoverage ? Optional.of(new Covered(covered, required, coverageAs))
                : Optional.empty());
    }

    /** The coverage report to print, and how. */
    private record Covered(Coverage coverage, TestCoverage requirement, CoverageFormat format) {
        String render() {
            return switch (format) {
                case json -> CoverageReports.jsonText(coverage, requirement);
                case markdown -> CoverageReports.markdown(coverage, requirement);
                case text -> CoverageReports.text(coverage, requirement);
            };
        }
    }

    private int print(TestReport report, CompileResult compiled) throws IOException {
        return print(report, compiled, Optional.empty());
    }

    private int print(TestReport report, CompileResult compiled, Optional<Covered> coverage) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        boolean toFile = coverageOut != null;
        switch (format) {
            case json -> out.print(coverage.isPresent() && !toFile
                    ? TestReports.json(report, verbose, CoverageReports.json(coverage.get().coverage(),
                            coverage.get().requirement()))
                    : TestReports.json(report, verbose));
            case junit -> out.print(JUnitXml.render(report, compiled.sources()));
            default -> {
                out.print(TestReports.text(report, compiled.sources(), verbose));
                if (coverage.isPresent() && !toFile) {
                    out.print("\n" + coverage.get().render());
                }
            }
        }
        out.flush();
        writeJunit(report, compiled);
        if (coverage.isPresent() && toFile) {
            write(coverageOut, coverage.get().render());
        }
        return report.exitStatus();
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void writeJunit(TestReport report, CompileResult compiled) throws IOException {
        if (junitOut != null) {
            write(junitOut, JUnitXml.render(report, compiled.sources()));
        }
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
