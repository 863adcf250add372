package dev.vigil.lsp.features.preview;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.routing.AlertLabels;
import dev.vigil.compiler.routing.AlertRouting;
import dev.vigil.compiler.routing.Truth;
import dev.vigil.compiler.source.Span;
import dev.vigil.lsp.features.Handler;
import dev.vigil.lsp.features.RequestContext;
import dev.vigil.lsp.features.editing.Compiled;
import dev.vigil.lsp.text.LineIndex;
import dev.vigil.lsp.workspace.ProjectResult;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Yaml;
import dev.vigil.targets.prometheus.RuleFiles;
import dev.vigil.targets.runbook.RunbookEmitter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.TextDocumentPositionParams;

/**
 * {@code vigil/preview}: what {@code vigil build} writes for the declaration under the cursor. For an alert
 * or a recording rule, its entry in the service's rule file, rendered by the Prometheus emitter's own code
 * ({@link RuleFiles}) and written as the build writes YAML ({@link Yaml}); for an alert also the routes it
 * takes, walked with the compiler's routing semantics ({@link AlertRouting}) on the labels label inference
 * gives it, and its runbook page ({@link RunbookEmitter#page}, with the built-in templates). Only from a
 * compilation of the document's current text without errors: otherwise one item says why there is none.
 */
public final class Preview implements Handler<TextDocumentPositionParams, List<PreviewItem>> {
    public static final String METHOD = "vigil/preview";

    @Override
    public List<PreviewItem> handle(RequestContext context, TextDocumentPositionParams params) {
        Optional<Path> file = context.path(params.getTextDocument().getUri());
        Optional<Compiled> compiled = file.flatMap(f -> Compiled.of(context, f));
        if (compiled.isEmpty()) {
            return note("This file is not part of a project the server has compiled.");
        }
        if (!compiled.get().current()) {
            return note("The project is being compiled again; ask for the preview once it is done.");
        }
        ProjectResult result = compiled.get().result();
        String display = compiled.get().display();
        if (result.result().project().isEmpty()) {
            return note(errors(result));
        }
        Project project = result.result().project().get();
        LineIndex lines = result.lines(display).orElseThrow();
        int offset = lines.offset(params.getPosition());
        int line = lines.vigilLine(offset);
        int column = lines.vigilColumn(offset);
        Optional<Span> declared = result.result().analysed().map(a -> a.files().get(display))
                .flatMap(f -> ruleAt(f, line, column));
        if (declared.isPresent()) {
            for (Service s : project.services()) {
                for (RuleGroup g : s.groups()) {
                    for (Rule r : g.rules()) {
                        if (declared.get().sameRange(rule(r))) {
                            return preview(project, s, g, r);
                        }
                    }
                }
            }
        }
        return note("Nothing to preview here: put the cursor on an alert or a recording rule.");
    }

    /**
     * Where the model places the rule declared around a position: a recording rule at its declaration, an
     * alert at its name. Rules a template or a {@code for} block writes are not found (their text is no rule yet).
     */
    private static Optional<Span> ruleAt(VigilFile file, int line, int column) {
        for (Decl d : file.decls()) {
            if (d instanceof Decl.ServiceDecl service && contains(service.span(), file.path(), line, column)) {
                for (Decl.ServiceMember m : service.members()) {
                    if (m instanceof Decl.GroupDecl g && contains(g.span(), file.path(), line, column)) {
                        for (Decl.RuleDecl r : g.rules()) {
                            if (r instanceof Decl.RecordDecl rec && contains(rec.span(), file.path(), line, column)) {
                                return Optional.of(rec.span());
                            }
                            if (r instanceof Decl.AlertDecl a && a.name() != null
                                    && contains(a.span(), file.path(), line, column)) {
                                return Optional.of(a.name().span());
                            }
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Span rule(Rule r) {
        return r instanceof Rule.Alert a ? a.span() : ((Rule.Recording) r).span();
    }

    private static boolean contains(Span s, String file, int line, int column) {
        if (s == null || s.isNone() || !s.file().equals(file)) {
            return false;
        }
        boolean startsBefore = s.line() < line || s.line() == line && s.column() <= column;
        boolean endsAfter = s.endLine() > line || s.endLine() == line && s.endColumn() >= column;
        return startsBefore && endsAfter;
    }

    private static List<PreviewItem> note(String text) {
        return List.of(new PreviewItem("No preview", "markdown", text));
    }

    private static String errors(ProjectResult result) {
        List<Diagnostic> errors = result.result().diagnostics().stream().filter(Diagnostic::isError).toList();
        StringBuilder b = new StringBuilder("The project has errors, so `vigil build` would write nothing: fix them to "
                + "see the preview.");
        if (result.failure().isPresent()) {
            b.append("\n\n").append(result.failure().get());
        }
        if (!errors.isEmpty()) {
            b.append("\n\n").append(errors.size()).append(errors.size() == 1 ? " error" : " errors").append(", the first:");
            errors.stream().limit(3).forEach(d -> b.append("\n- ").append(d.span().file()).append(':').append(d.span().line())
                    .append(": ").append(d.message()));
        }
        return b.toString();
    }

    static List<PreviewItem> preview(Project project, Service service, RuleGroup group, Rule rule) {
        List<PreviewItem> out = new ArrayList<>();
        out.add(ruleFile(project, service, group, rule));
        if (rule instanceof Rule.Alert a) {
            out.add(new PreviewItem("Route of " + a.name(), "markdown", route(project, a)));
            RunbookEmitter.page(project, EmitSettings.DEFAULT, service, a)
                    .ifPresent(p -> out.add(new PreviewItem(p.path(), "markdown", p.text())));
        }
        return out;
    }

    /** The rule's group in the service's rule file, with this rule alone, as the emitter writes it. */
    @SuppressWarnings("unchecked")
    private static PreviewItem ruleFile(Project project, Service service, RuleGroup group, Rule rule) {
        List<Object> groups = RuleFiles.groups(project, service);
        int g = service.groups().indexOf(group);
        Map<String, Object> written = new LinkedHashMap<>((Map<String, Object>) groups.get(g));
        List<Object> rules = (List<Object>) written.get("rules");
        int r = indexOf(group.rules(), rule);
        written.put("rules", List.of(rules.get(r)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("groups", List.of(written));
        return new PreviewItem(RuleFiles.path(service), "yaml", Yaml.dump(doc));
    }

    private static int indexOf(List<Rule> rules, Rule rule) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) == rule) {
                return i;
            }
        }
        return rules.indexOf(rule);
    }

    /**
     * Where the alert goes: the labels it carries (as label inference sees them), then each route that
     * notifies it, with the chain of routes from the top that leads there and whether it certainly does.
     */
    static String route(Project project, Rule.Alert alert) {
        Routing routing = project.routing();
        StringBuilder b = new StringBuilder("## ").append(alert.name()).append("\n\n");
        LabelSet labels = LabelInference.forProject(project).alertLabels(alert);
        b.append("Labels it carries: ").append(labels(labels)).append("\n\n");
        if (routing == null || routing.routes().isEmpty()) {
            return b.append("The project has no routing: `vigil build` writes no Alertmanager route for it.\n").toString();
        }
        AlertRouting semantics = AlertRouting.of(project);
        AlertLabels values = AlertLabels.of(labels);
        List<Routing.Route> reached = semantics.reach(routing.routes(), values);
        if (reached.isEmpty()) {
            return b.append("No route takes it: Alertmanager would not notify anyone.\n").toString();
        }
        b.append("Notified through:\n");
        for (Routing.Route r : reached) {
            List<Routing.Route> path = new ArrayList<>();
            pathTo(routing.routes(), r, path);
            Truth truth = Truth.YES;
            for (Routing.Route step : path) {
                truth = truth.and(semantics.matchesAll(step.matchers(), values));
            }
            b.append("\n- **").append(r.receiver() == null ? "(no receiver)" : r.receiver().name()).append("**")
                    .append(truth == Truth.YES ? "" : " (only if its labels match: some values are not known)").append("\n  ");
            List<String> steps = new ArrayList<>();
            path.forEach(step -> steps.add("`" + describe(step) + "`"));
            b.append(String.join(" → ", steps)).append('\n');
        }
        return b.toString();
    }

    private static boolean pathTo(List<Routing.Route> routes, Routing.Route target, List<Routing.Route> path) {
        for (Routing.Route r : routes) {
            if (r == null) {
                continue;
            }
            path.add(r);
            if (r == target || pathTo(r.children(), target, path)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    private static String describe(Routing.Route r) {
        String to = r.receiver() == null ? "" : " to " + r.receiver().name();
        if (r.isDefault()) {
            return "route default" + to;
        }
        List<String> matchers = new ArrayList<>();
        for (Routing.Matcher m : r.matchers()) {
            boolean bare = m.value() != null && m.value().matches("[A-Za-z_][A-Za-z0-9_]*");
            matchers.add(m.label() + " " + m.op() + " " + (bare ? m.value() : "\"" + m.value() + "\""));
        }
        return "route " + String.join(", ", matchers) + to;
    }

    private static String labels(LabelSet labels) {
        List<String> out = new ArrayList<>();
        for (LabelSet.Label l : labels.labels().values()) {
            String one = l.definite() && l.value() != null ? l.name() + "=\"" + l.value() + "\"" : l.name();
            out.add("`" + one + "`" + (l.definite() ? "" : " (maybe)"));
        }
        if (labels.open()) {
            out.add("others nobody declared");
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }
}
