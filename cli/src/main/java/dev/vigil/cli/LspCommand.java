package dev.vigil.cli;

import dev.vigil.lsp.LspServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "lsp",
        mixinStandardHelpOptions = true,
        description = "Run the language server for editors: JSON-RPC (the Language Server Protocol) on standard input "
                + "and output. Diagnostics as you type, quick fixes, formatting, folding and symbols.",
        footer = {"", "Exit status: 0 after the client's shutdown and exit, 1 when the client exits without shutdown "
                + "or closes the connection, 2 when the log file cannot be written."})
final class LspCommand implements Callable<Integer> {
    @Option(names = "--log", paramLabel = "FILE",
            description = "Also write the server's log and every JSON-RPC message, both ways, to FILE.")
    Path log;

    @Option(names = "--stdio", description = "Accepted and ignored: standard input and output are the only transport "
            + "(editor clients such as vscode-languageclient pass it).")
    boolean stdio;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        // Standard output carries the protocol and nothing else: whatever else in the process writes to
        // System.out (a library's warning, a stray print) goes to standard error instead.
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        PrintWriter logFile = null;
        if (log != null) {
            try {
                logFile = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
            } catch (IOException e) {
                spec.commandLine().getErr().println("vigil: cannot write the log file " + log + ": " + e.getMessage());
                return VigilCommand.EXIT_USAGE;
            }
        }
        try {
            return LspServer.run(System.in, protocol, logFile);
        } finally {
            if (logFile != null) {
                logFile.close();
            }
        }
    }
}
