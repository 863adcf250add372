package dev.vigil.compiler.diag;

/**
 * The level a project or build sets for a check or a family: a severity, or {@code off} (a null
 * severity), and the reason it was written with. Lowering or turning off a check needs one; the
 * reason stays with every diagnostic it silences, so an audit can read it.
 */
public record CheckLevel(Severity severity, String reason) {
    public static CheckLevel off(String reason) {
        return new CheckLevel(null, reason);
    }

    public boolean isOff() {
        return severity == null;
    }
}
