package dev.vigil.compiler.validate;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import java.util.Locale;

/**
 * One check over the whole model. Its id comes from where the class lives: the family is the last
 * package segment and the check is the class name, so {@code validate.name.Duplicate} reports
 * {@code Name.Duplicate}. Built-in validators are listed in {@code META-INF/services}.
 */
public interface Validator {
    /** Checks the project; {@code analysis} holds the project-wide results the checks of one run share. */
    void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink);

    /** Checks the project on its own, with an analysis of its own. */
    default void validate(Project project, DiagnosticSink sink) {
        validate(project, new ProjectAnalysis(project), sink);
    }

    default String id() {
        return idOf(getClass());
    }

    static String idOf(Class<?> type) {
        String pkg = type.getPackageName();
        String family = pkg.substring(pkg.lastIndexOf('.') + 1);
        return family.substring(0, 1).toUpperCase(Locale.ROOT) + family.substring(1) + "." + type.getSimpleName();
    }
}
