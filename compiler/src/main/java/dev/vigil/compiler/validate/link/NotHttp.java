package dev.vigil.compiler.validate.link;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.WebUrl;
import dev.vigil.compiler.validate.Validator;

/**
 * A link written for people to click that is not a plain http(s) URL: a {@code javascript:} or
 * {@code data:} URL, a relative path, or text with spaces, quotes or angle brackets. Here: a
 * dashboard's or a panel's {@code link}, and a {@code dashboard_url} annotation of an alert. A
 * service's {@code links { }}, an alert's {@code runbook "URL"} and {@code prometheus_url} are
 * reported with the same id where they are read, at their value.
 */
public final class NotHttp implements Validator {
    /**
     * The annotation that Vigil fills with a link and the sources may write too; {@code runbook_url}
     * has a line of its own, {@code runbook "URL"}, checked where it is read.
     */
    static final String DASHBOARD_URL = "dashboard_url";

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        if (!project.fromVigilSources()) {
            // Rule files read by `vigil lint` keep their links; Vigil writes none of its own there.
            return;
        }
        for (Service s : project.services()) {
            for (Dashboard d : s.dashboards()) {
                for (Dashboard.DashboardLink l : d.links()) {
                    if (l.url() != null) {
                        WebUrl.problem(l.url()).ifPresent(problem -> sink.error(id(), l.span(), "The link `"
                                + l.title() + "` of dashboard `" + d.name() + "` is not a web address: it " + problem
                                + ".", "Write an `https://` (or `http://`) URL with a host, or `to` a dashboard of "
                                        + "the project by its name."));
                    }
                }
                for (Dashboard.Row row : d.rows()) {
                    for (Dashboard.Panel p : row.panels()) {
                        for (Dashboard.Link l : p.links()) {
                            WebUrl.problem(l.url()).ifPresent(problem -> sink.error(id(), l.span(), "The link `"
                                    + l.title() + "` of panel `" + p.name() + "` is not a web address: it " + problem
                                    + ".", "Write an `https://` (or `http://`) URL with a host; Grafana shows it as a "
                                            + "link on the panel."));
                        }
                    }
                }
            }
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a) {
                        String value = a.annotations().get(DASHBOARD_URL);
                        if (value != null) {
                            WebUrl.annotationProblem(value).ifPresent(problem -> sink.error(id(), a.span(),
                                    "The annotation `" + DASHBOARD_URL + "` of alert `" + a.name()
                                            + "` is not a web address: it " + problem + ".",
                                    "Write an `https://` (or `http://`) URL with a host; notifications show it "
                                            + "as a link."));
                        }
                    }
                }
            }
        }
    }
}
