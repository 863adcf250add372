package dev.vigil.compiler.validate.naming;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.validate.Validator;
import java.util.Locale;
import java.util.regex.Pattern;

/** An alert name that is not CamelCase, the Prometheus convention ({@code CheckoutDown}). */
public final class AlertCase implements Validator {
    private static final Pattern CAMEL = Pattern.compile("[A-Z][a-zA-Z0-9]*");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.name() != null && !a.name().isEmpty()
                            && !CAMEL.matcher(a.name()).matches()) {
                        String camel = camel(a.name());
                        // Style, not a fault: information, which a project can raise in `checks { }`.
                        sink.report(new Diagnostic(id(), Severity.INFO, a.span(), "Alert name `" + a.name() + "` is not CamelCase.",
                                camel.isEmpty() || !CAMEL.matcher(camel).matches() ? "Alert names are written like `CheckoutDown`."
                                        : "Write `" + camel + "`, and update what refers to it.", null));
                    }
                }
            }
        }
    }

    static String camel(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String p = part.equals(part.toUpperCase(Locale.ROOT)) ? part.toLowerCase(Locale.ROOT) : part;
            out.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
        }
        return out.toString();
    }
}
