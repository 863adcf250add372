package dev.vigil.compiler.validate.name;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names that become output files some file systems cannot hold apart: a Windows device name (`CON`,
 * `NUL`, `COM1`, ...), which cannot be a file name there whatever its extension, and two names whose
 * files or folders differ only in case (alerts `Foo` and `foo`, `runbooks/api/Foo.md` and
 * `runbooks/api/foo.md`), which macOS and Windows store as one, so one would overwrite the other.
 * Identifiers and dashboard uids cannot hold `/`, `..` or control characters, so these are the only
 * ways a name from the sources can make a build lose a file. Blocking, like {@code Name.Collision}.
 */
public final class OutputPath implements Validator {

    /** A file the build writes because of a name, and the declaration that names it. */
    private record Claim(String path, String owner, Span span, Service service) {
    }

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        if (!project.fromVigilSources()) {
            return; // `vigil lint` writes no output
        }
        List<Claim> claims = new ArrayList<>();
        for (Service s : project.services()) {
            String segment = Links.segment(s.name());
            String owner = "service `" + s.name() + "`";
            String runbooks = "runbooks/" + segment + "/";
            device(s.name(), owner, runbooks, s.span(), sink);
            if (s.hasRules()) {
                claims.add(new Claim("prometheus/rules/" + segment + ".rules.yml", owner, s.span(), s));
            }
            // The runbook index, written as RunbookEmitter writes it: for alerts, SLOs or dashboards.
            boolean alerts = s.groups().stream().flatMap(g -> g.rules().stream()).anyMatch(r -> r instanceof Rule.Alert);
            if (alerts || !s.slos().isEmpty() || !s.dashboards().isEmpty()) {
                claims.add(new Claim(runbooks + "README.md", owner, s.span(), s));
            }
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.name() != null) {
                        String file = runbooks + Links.runbookFile(a.name());
                        device(a.name(), "alert `" + a.name() + "`", file, a.span(), sink);
                        claims.add(new Claim(file, "alert `" + a.name() + "`", a.span(), s));
                    }
                }
            }
            for (Dashboard d : s.dashboards()) {
                String file = "grafana/dashboards/" + Links.segment(d.uid()) + ".json";
                String dashboard = "dashboard `" + d.name() + "` (uid `" + d.uid() + "`)";
                device(d.uid(), dashboard, file, d.span(), sink);
                claims.add(new Claim(file, dashboard, d.span(), s));
            }
        }
        clashes(claims, sink);
    }

    private void device(String name, String owner, String file, Span span, DiagnosticSink sink) {
        if (Links.isDeviceName(name)) {
            sink.blocking(id(), span, "The " + owner + " would be written as `" + file + "`, and `" + name
                    + "` is a device name Windows does not allow as a file name.", "Rename it.");
        }
    }

    /**
     * Every file and folder of every claim, lower-cased: a second spelling of one already seen is a
     * clash. Files at the same exact path are the other Name checks' findings (a duplicate, an alert
     * called `README`), and two services with rules are {@code Name.Collision}'s.
     */
    private void clashes(List<Claim> claims, DiagnosticSink sink) {
        record Seen(String exact, Claim claim) {
        }
        Map<String, Seen> folded = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (Claim c : claims) {
            String[] segments = c.path().split("/");
            StringBuilder exact = new StringBuilder();
            for (int i = 0; i < segments.length; i++) {
                exact.append(i == 0 ? "" : "/").append(segments[i]);
                String shown = exact + (i < segments.length - 1 ? "/" : "");
                Seen first = folded.putIfAbsent(shown.toLowerCase(Locale.ROOT), new Seen(shown, c));
                if (first == null || first.exact().equals(shown) || collision(first.claim().service(), c.service())) {
                    continue;
                }
                if (reported.add(first.claim().owner() + "\n" + c.owner())) {
                    sink.blocking(id(), c.span(), "The " + first.claim().owner() + " and the " + c.owner()
                            + " would be written as `" + first.exact() + "` and `" + shown
                            + "`, which differ only in case: on macOS and Windows one would overwrite the other.",
                            "Rename one so that the names differ in more than case; first declared at "
                                    + first.claim().span() + ".");
                }
                break;
            }
        }
    }

    /** Two services whose outputs {@code Name.Collision} reports as one already. */
    private static boolean collision(Service a, Service b) {
        return a != b && a.hasRules() && b.hasRules() && a.kubernetesName().equals(b.kubernetesName());
    }
}
