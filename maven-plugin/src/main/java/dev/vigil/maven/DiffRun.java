package dev.vigil.maven;

import dev.vigil.compiler.InputException;
import dev.vigil.compiler.diff.DiffInputs;

/** {@code vigil:diff} without Maven: the request's sources against a git revision, compiled with the POM's options. */
final class DiffRun {
    private DiffRun() {
    }

    static DiffInputs.Outcome compare(CompileRequest request, String base)
            throws ConfigurationException, InputException {
        if (base == null || base.isBlank()) {
            throw new ConfigurationException("vigil:diff needs the revision to compare with: set -Dvigil.diff.base=REV "
                    + "(a branch, tag or commit), or <base> in the plugin's configuration.");
        }
        return DiffInputs.git(request.sourceDirectory(), base.trim(), Compilation.options(request));
    }
}
