package dev.vigil.targets.runbook;

import java.nio.file.Path;

/**
 * A runbook template from the project's own template directory ({@code --templates}) that FreeMarker
 * cannot parse or render: the user's mistake, which a build reports as a diagnostic at the
 * template's line. A failing built-in template is a bug in Vigil instead, and is not this.
 */
public final class RunbookTemplateException extends RuntimeException {
    private final Path file;
    private final int line;
    private final int column;
    private final String problem;

    RunbookTemplateException(Path file, int line, int column, String problem, Throwable cause) {
        super(file + ":" + line + ":" + column + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** 1-based; 1 when FreeMarker does not say. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** FreeMarker's explanation, one line. */
    public String problem() {
        return problem;
    }
}
