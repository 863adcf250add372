package dev.vigil.compiler.validate.duplicate;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.validate.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule that repeats another exactly: same kind, name, expression (compared as printed, so spacing
 * and line breaks do not matter) and labels. Usually a block pasted twice or a file
 * included twice. The later copy is reported.
 */
public final class IdenticalRule implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        // Keyed by what makes two rules identical, so each rule is printed and looked up once.
        Map<List<Object>, Rule> first = new HashMap<>();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r == null || r.name() == null) {
                        continue;
                    }
                    Rule e = first.putIfAbsent(RuleIdentity.identityKey(r), r);
                    if (e != null) {
                        sink.warning(id(), r.span(), (r instanceof Rule.Alert ? "Alert `" : "Recording rule `") + r.name()
                                        + "` repeats the one at " + e.span() + " exactly.",
                                "Remove one of them: the copy evaluates the same query twice and writes the same series.");
                    }
                }
            }
        }
    }
}
