package dev.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command. Each subcommand is a thin layer over the compiler library. */
@Command(
        name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VigilCommand.Version.class,
        description = "Compiles monitoring-as-code: Prometheus rules, Alertmanager config, Grafana dashboards and "
                + "runbooks from one typed source.",
        subcommands = {CheckCommand.class, BuildCommand.class, LintCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 no errors, 1 errors found, 2 usage or I/O error."})
public final class VigilCommand implements Runnable {
    /** Exit status for usage mistakes and unreadable inputs, as opposed to errors found in them. */
    static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--explain", paramLabel = "ID",
            description = "Explain a check: a bad example, why it hurts and the fix (e.g. --explain Division.Unsafe).")
    String explain;

    @Override
    public void run() {
        if (explain == null) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return;
        }
        java.util.Optional<String> page = dev.vigil.compiler.validate.Explanations.page(explain);
        if (page.isPresent()) {
            spec.commandLine().getOut().print(page.get());
            spec.commandLine().getOut().flush();
            return;
        }
        String near = dev.vigil.compiler.validate.Explanations.suggestion(explain);
        throw new CommandLine.ParameterException(spec.commandLine(), "No check is called `" + explain + "`."
                + (near != null ? " Did you mean `" + near + "`?" : "")
                + " Known checks: " + String.join(", ", dev.vigil.compiler.validate.Explanations.ids()));
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with the given streams; returns the exit status. Used by tests too. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new VigilCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("vigil: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Run `" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help` for usage.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // Only a bug in Vigil gets here: user mistakes are diagnostics, never exceptions.
            commandLine.getErr().println("vigil: internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return 70;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = VigilCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"vigil " + p.getProperty("version", "unknown")};
        }
    }
}
