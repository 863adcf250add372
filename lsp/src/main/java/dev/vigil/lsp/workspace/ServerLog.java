package dev.vigil.lsp.workspace;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.eclipse.lsp4j.MessageType;

/**
 * Where the server says what it does: the client's log ({@code window/logMessage}) and the
 * {@code --log} file. Never standard output, which carries the protocol.
 */
public interface ServerLog {
    void log(MessageType type, String message);

    default void info(String message) {
        log(MessageType.Info, message);
    }

    default void warn(String message) {
        log(MessageType.Warning, message);
    }

    /** A bug in Vigil: the message, with the stack trace for the log file. */
    default void internal(String what, Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        log(MessageType.Error, what + "; this is a bug in Vigil; please report it.\n" + trace);
    }

    ServerLog NONE = (type, message) -> {
    };
}
