package dev.vigil.compiler.validate.alert;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import java.util.ArrayList;
import java.util.List;

/** The alerts that page: those of the most urgent declared severity. */
final class Pages {
    private Pages() {
    }

    static List<Rule.Alert> of(Project project) {
        List<String> levels = project.severities() == null ? List.of() : project.severities().levels();
        List<Rule.Alert> out = new ArrayList<>();
        if (levels.isEmpty()) {
            return out;
        }
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.severity() != null && levels.get(0).equals(a.severity().name())) {
                        out.add(a);
                    }
                }
            }
        }
        return out;
    }
}
