package dev.vigil.compiler.validate.name;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.validate.Validator;
import java.util.HashMap;
import java.util.Map;

/**
 * Two things that would get one page of the catalogue. Its URLs are lower-case and flat
 * ({@code /alerts/<slug>/}, {@link Links#slug}), so alerts {@code HighLatency} and {@code Highlatency},
 * {@code Disk_Full} and {@code disk-full}, or an alias that is another alert's name would share a page: one overwrites the other, and the {@code runbook_url} a notification
 * carries opens the wrong alert. Only with a catalogue; blocking, like the other Name checks.
 */
public final class CataloguePage implements Validator {

    /** A page and what claims it: {@code name} as written, {@code scope} where that name must be unique. */
    private record Claim(String owner, String name, String scope, Span span) {
    }

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        if (!project.fromVigilSources() || project.settings().catalogue() == null) {
            return;
        }
        Map<String, Claim> pages = new HashMap<>();
        for (Service s : project.services()) {
            claim(pages, Links.servicePage(s.name()), "service `" + s.name() + "`", s.name(), "service", s.span(), sink);
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.name() != null) {
                        String owner = "alert `" + a.name() + "` of service `" + s.name() + "`";
                        claim(pages, Links.alertPage(a.name()), owner, a.name(), "alert", a.span(), sink);
                        for (Rule.Alias alias : a.runbook().aliases()) {
                            claim(pages, Links.alertPage(alias.name()), "alias `" + alias.name() + "` of the "
                                    + owner, alias.name(), "alias:" + a.name(), alias.span(), sink);
                        }
                    }
                }
            }
            for (Slo slo : s.slos()) {
                claim(pages, Links.sloPage(s.name(), slo.name()), "SLO `" + slo.name() + "` of service `" + s.name()
                        + "`", slo.name(), "slo:" + s.name(), slo.span(), sink);
            }
            for (Dashboard d : s.dashboards()) {
                claim(pages, Links.dashboardPage(d.uid()), "dashboard `" + d.name() + "` (uid `" + d.uid() + "`)",
                        d.uid(), "dashboard", d.span(), sink);
            }
        }
        for (Routing.Receiver r : project.routing().receivers()) {
            claim(pages, Links.receiverPage(r.name()), "receiver `" + r.name() + "`", r.name(), "receiver", r.span(),
                    sink);
        }
    }

    private void claim(Map<String, Claim> pages, String page, String owner, String name, String scope, Span span,
            DiagnosticSink sink) {
        Claim first = pages.putIfAbsent(page, new Claim(owner, name, scope, span));
        // One name twice where it must be unique (two receivers `x`, one alert pasted twice) is Name.Duplicate's.
        if (first != null && !(first.name().equals(name) && first.scope().equals(scope))) {
            sink.blocking(id(), span, "The " + first.owner() + " and the " + owner + " would share the catalogue page `"
                    + page + "`, so one page would overwrite the other and links to one would open the other.",
                    "Rename one so that the names differ in more than case or punctuation; the first is at "
                            + first.span() + ".");
        }
    }
}
