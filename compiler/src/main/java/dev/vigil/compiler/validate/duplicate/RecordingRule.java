package dev.vigil.compiler.validate.duplicate;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recording rule name defined twice, with the same static labels and different expressions, so
 * that both can write the same series. Rules of one name whose results cannot overlap (a static
 * label or a kept equality matcher tells them apart) are the usual way to split a recording and
 * are not reported; exact copies are {@code Duplicate.IdenticalRule}.
 */
public final class RecordingRule implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Map<String, List<Rule.Recording>> byName = new HashMap<>();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (!(r instanceof Rule.Recording rec) || rec.name() == null) {
                        continue;
                    }
                    List<Rule.Recording> earlier = byName.computeIfAbsent(rec.name(), k -> new ArrayList<>());
                    for (Rule.Recording e : earlier) {
                        if (!RuleIdentity.identical(e, rec) && e.labels().equals(rec.labels())
                                && RuleIdentity.canCoincide(e, rec)) {
                            sink.error(id(), rec.span(), "Recording rule `" + rec.name()
                                            + "` is also defined at " + e.span() + " with a different expression.",
                                    "Both can write the same series, and their values overwrite each other; rename one,"
                                            + " or add a label that tells them apart.");
                            break;
                        }
                    }
                    earlier.add(rec);
                }
            }
        }
    }
}
