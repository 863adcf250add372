package dev.vigil.compiler;

/** An input path that cannot be read at all (missing, not a directory or file): a usage error, not a diagnostic. */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }
}
