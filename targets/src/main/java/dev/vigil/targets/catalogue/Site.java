package dev.vigil.targets.catalogue;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.library.LibraryPath;
import dev.vigil.compiler.model.Catalogue;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.DashboardNames;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.routing.AlertRouting;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every page builder looks things up in, computed once per build: the alerts with their service,
 * group and constants, the alerts by name, dashboard names and the routing semantics. Building a page
 * reads these, never every service again, so the site's cost grows with the number of pages.
 */
public final class Site {
    /** An alert and where it lives. */
    public record AlertEntry(Service service, RuleGroup group, Rule.Alert alert, Map<String, Constant> constants) {
    }

    private final Project project;
    private final Catalogue catalogue;
    private final List<AlertEntry> alerts;
    private final Map<String, AlertEntry> byName;
    private final Map<String, List<AlertEntry>> byService;
    private final DashboardNames dashboards;
    private final AlertRouting routing;
    private final LabelInference inference;
    private final AlertRoutes routes;
    private final String sourceRoot;

    private Site(Project project) {
        this.project = project;
        this.catalogue = project.settings().catalogue();
        List<AlertEntry> all = new ArrayList<>();
        Map<String, AlertEntry> names = new HashMap<>();
        Map<String, List<AlertEntry>> services = new LinkedHashMap<>();
        for (Service s : project.services()) {
            Map<String, Constant> constants = QueryText.scope(project, s);
            List<AlertEntry> own = new ArrayList<>();
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    // An alert pasted twice word for word (Duplicate.IdenticalRule) has one page.
                    if (r instanceof Rule.Alert a && a.name() != null && !names.containsKey(a.name())) {
                        AlertEntry e = new AlertEntry(s, g, a, constants);
                        all.add(e);
                        own.add(e);
                        names.put(a.name(), e);
                    }
                }
            }
            services.put(s.name(), List.copyOf(own));
        }
        this.alerts = List.copyOf(all);
        this.byName = Collections.unmodifiableMap(names);
        this.byService = Collections.unmodifiableMap(services);
        this.dashboards = DashboardNames.of(project.services());
        this.routing = AlertRouting.of(project);
        this.inference = new ProjectAnalysis(project).labels();
        this.routes = new AlertRoutes(project, routing, inference, all.stream().map(AlertEntry::alert).toList());
        this.sourceRoot = commonFolder(project.files());
    }

    public static Site of(Project project) {
        return new Site(project);
    }

    public Project project() {
        return project;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Every alert with a page, in source order (services, groups, rules). */
    public List<AlertEntry> alerts() {
        return alerts;
    }

    public AlertEntry alert(String name) {
        return byName.get(name);
    }

    public List<AlertEntry> alertsOf(Service service) {
        return byService.getOrDefault(service.name(), List.of());
    }

    public DashboardNames dashboards() {
        return dashboards;
    }

    public AlertRouting routing() {
        return routing;
    }

    /** The labels each alert and recording rule carries, as the checks inferred them. */
    LabelInference inference() {
        return inference;
    }

    /**
     * Where each alert goes: the one reading of the routing that every page shows (the alert's own, the
     * routing page's tree, the receivers'), on the labels the alert carries at run time.
     */
    AlertRoutes routes() {
        return routes;
    }

    /**
     * Where a declaration is written, {@code file:line}, relative to the folder that holds all the project's
     * files: the same wherever the build is run from. Empty for what no source file wrote.
     */
    public String source(Span span) {
        if (span == null || span.equals(Span.NONE) || span.line() <= 0) {
            return "";
        }
        String file = span.file().replace('\\', '/');
        if (file.startsWith(sourceRoot)) {
            file = file.substring(sourceRoot.length());
        }
        return file + ":" + span.line();
    }

    /** The folder holding every file of the project itself; library files ({@code lib:std/...}) are not in it. */
    private static String commonFolder(List<VigilFile> files) {
        String common = null;
        for (VigilFile f : files) {
            String path = f.path().replace('\\', '/');
            if (path.startsWith(LibraryPath.SCHEME)) {
                continue;
            }
            String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
            if (common == null) {
                common = dir;
            } else {
                while (!dir.startsWith(common)) {
                    String trimmed = common.substring(0, common.length() - 1);
                    common = trimmed.contains("/") ? trimmed.substring(0, trimmed.lastIndexOf('/') + 1) : "";
                }
            }
        }
        return common == null ? "" : common;
    }
}
