package dev.vigil.cli;

import dev.vigil.compiler.target.TargetVersions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        footer = {"", "Exit status: 0 no errors, 1 errors found, 2 usage or I/O error, 70 internal error (a bug in Vigil)."})
public final class VigilCommand implements Runnable {
    /** Exit status for usage mistakes and unreadable inputs, as opposed to errors found in them. */
    static final int EXIT_USAGE = 2;

    /** Exit status for a bug in Vigil (sysexits' EX_SOFTWARE): never the user's mistake. */
    static final int EXIT_INTERNAL = 70;

    /** Set to anything but empty or `0` to get the stack trace of an internal error, as `--debug` does. */
    static final String DEBUG_ENV = "VIGIL_DEBUG";

    /**
     * The subcommands, in help order. They are registered here rather than in the annotation so that
     * a run creates only the one it executes: picocli builds the model of every registered command by
     * reflection, and loading all of them (with Jackson and the emitters behind them) cost a fifth of
     * a second before any work began.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(CheckCommand.class, BuildCommand.class, TestCommand.class,
            LintCommand.class, FmtCommand.class, ImportCommand.class, DiffCommand.class, LspCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On an internal error, print its stack trace too (or set VIGIL_DEBUG=1).")
    boolean debug;

    @CommandLine.Option(names = "--explain", paramLabel = "ID",
            description = "Explain a diagnostic id: for a check a bad example, why it hurts and the fix (e.g. --explain "
                    + "Division.Unsafe), for any other id what it reports; or list a family's ids (--explain PromQL).")
    String explain;

    @Override
    public void run() {
        if (explain == null) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return;
        }
        java.util.Optional<String> text = dev.vigil.compiler.validate.Explanations.explain(explain);
        if (text.isPresent()) {
            spec.commandLine().getOut().print(text.get());
            spec.commandLine().getOut().flush();
            return;
        }
        String near = dev.vigil.compiler.validate.Explanations.suggestion(explain);
        throw new CommandLine.ParameterException(spec.commandLine(), "No diagnostic id or family is `" + explain + "`."
                + (near != null ? " Did you mean `" + near + "`?" : "")
                + " Families: " + String.join(", ", dev.vigil.compiler.validate.Explanations.families())
                + "; `--explain FAMILY` lists a family's ids.");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with the given streams; returns the exit status. Used by tests too. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, CommandLine.defaultFactory());
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}, creating the commands with {@code factory}: a test seam. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        try {
            return run(args, out, err, factory);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli passes Errors through. The input limits (Input.TooDeep, Input.TooLarge) should make
            // this unreachable, so it is still a bug, but it must not end in a JVM trace.
            err.println("vigil: internal error: the JVM ran out of " + (e instanceof StackOverflowError ? "stack" : "memory")
                    + "; this is a bug in Vigil; please report it with the input.");
            err.flush();
            return EXIT_INTERNAL;
        }
    }

    private static int run(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new VigilCommand(), factory);
        Optional<Class<?>> only = subcommand(args);
        for (Class<?> c : only.map(List::<Class<?>>of).orElse(SUBCOMMANDS)) {
            cli.addSubcommand(c);
        }
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
            commandLine.getErr().println("vigil: internal error; this is a bug in Vigil; please report it"
                    + " (`--debug` shows the details).");
            debugTrace(commandLine.getCommandSpec(), ex);
            return EXIT_INTERNAL;
        });
        return cli.execute(args);
    }

    /**
     * The subcommand the arguments name, when their first word is one (after the root's options):
     * then only it is needed. Otherwise (no subcommand, {@code help}, a mistyped one) every subcommand
     * is registered, so that usage and "did you mean" list them all.
     */
    static Optional<Class<?>> subcommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--explain")) {
                i++; // its value, which may be any word
            } else if (!a.startsWith("-")) {
                for (Class<?> c : SUBCOMMANDS) {
                    Command command = c.getAnnotation(Command.class);
                    if (c != CommandLine.HelpCommand.class && command.name().equals(a)) {
                        return Optional.of(c);
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The stack trace of an internal error, when `--debug` or {@value #DEBUG_ENV} asks for it. */
    static void debugTrace(CommandLine.Model.CommandSpec spec, Throwable t) {
        String env = System.getenv(DEBUG_ENV);
        boolean asked = env != null && !env.isBlank() && !env.equals("0")
                || spec.root().userObject() instanceof VigilCommand root && root.debug;
        if (asked) {
            t.printStackTrace(spec.commandLine().getErr());
        }
        spec.commandLine().getErr().flush();
    }

    /**
     * {@code vigil VERSION} first (scripts read that line), then the releases the output targets when
     * neither the sources' {@code settings} nor an option names others, and the Java that runs Vigil,
     * which a bug report needs.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = VigilCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            List<String> targets = new ArrayList<>();
            for (TargetVersions.Tool tool : TargetVersions.Tool.values()) {
                targets.add(tool.product() + " " + tool.byDefault());
            }
            return new String[] {"vigil " + p.getProperty("version", "unknown"),
                    "targets by default: " + String.join(", ", targets),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
