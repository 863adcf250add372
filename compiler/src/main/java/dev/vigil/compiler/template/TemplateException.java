package dev.vigil.compiler.template;

/** A template that cannot be rendered: a syntax error, or a feature Vigil does not evaluate (queries). */
public final class TemplateException extends Exception {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }
}
