package dev.vigil.compiler.importer.grafana;

import dev.vigil.compiler.importer.SourceWriter;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.importer.ImportedSource;
import dev.vigil.compiler.importer.Importer;
import dev.vigil.compiler.importer.slo.InputNodes;
import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.yaml.YamlDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A Grafana dashboard's JSON model (classic dashboards, schema 14 to 39, or the API's
 * {@code {"dashboard": ...}} envelope) as a Vigil {@code dashboard}.
 *
 * <p>The service is the title's first part before {@code " / "} (the mixins' {@code "Thanos / Query"}
 * goes into {@code thanos} as {@code query}); a title without one names the service after the first
 * tag, else the title, and the dashboard after the title.
 */
public final class GrafanaImporter implements Importer {
    private static final Pattern UID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    /** Dashboard keys that are read, or only identify or version the dashboard to Grafana. */
    private static final Set<String> MAPPED = Set.of("title", "uid", "tags", "refresh", "time", "description",
            "templating", "panels", "rows", "id", "version", "schemaVersion", "editable", "gnetId", "style",
            "hideControls", "timepicker", "iteration", "fiscalYearStartMonth", "liveNow", "weekStart", "__inputs",
            "__requires", "__elements", "timezone", "annotations", "graphTooltip", "links");

    @Override
    public String kind() {
        return "Grafana dashboard";
    }

    @Override
    public boolean recognises(YamlDocument document) {
        Node d = dashboard(document.root());
        return d != null;
    }

    /** The dashboard object: the root, or the API envelope's {@code dashboard}. */
    private static Node dashboard(Node root) {
        Node inner = InputNodes.get(root, "dashboard");
        Node d = inner != null && InputNodes.get(root, "meta") != null ? inner : root;
        Map<String, Node> keys = InputNodes.entries(d);
        boolean panels = keys.containsKey("panels") || keys.containsKey("rows");
        return panels && (keys.containsKey("schemaVersion") || keys.containsKey("title")) ? d : null;
    }

    @Override
    public List<ImportedSource> translate(YamlDocument document, DiagnosticSink sink) {
        Node d = dashboard(document.root());
        if (d == null) {
            return List.of();
        }
        InputNodes in = new InputNodes(document, sink);
        String title = InputNodes.text(InputNodes.get(d, "title")).orElse("");
        String[] parts = title.split("\\s+/\\s+", 2);
        List<String> tags = InputNodes.stringList(InputNodes.get(d, "tags"));
        String service = parts.length == 2 ? VigilText.snakeName(parts[0], "grafana")
                : VigilText.snakeName(tags.isEmpty() ? title : tags.get(0), "grafana");
        String name = VigilText.snakeName(parts.length == 2 ? parts[1] : title, "dashboard");
        long errorsBefore = InputNodes.errors(sink);

        SourceWriter out = new SourceWriter();
        out.open("service " + service);
        out.open("dashboard " + name + " " + VigilText.string(title));
        settings(d, in, tags, out);
        Set<String> variables = VariableImport.names(d);
        GrafanaQueries queries = new GrafanaQueries(in, variables);
        SourceWriter vars = new SourceWriter();
        new VariableImport(in).write(d, queries, vars);
        if (!vars.toString().isEmpty()) {
            out.blank();
            vars.toString().lines().forEach(out::line);
        }
        PanelImport panels = new PanelImport(in, queries);
        for (PanelLayout.Row row : PanelLayout.rows(d)) {
            out.blank();
            if (row.title() != null) {
                out.open("row " + VigilText.string(row.title()));
                rowNotes(in, row);
            }
            row.panels().forEach(p -> panels.write(p, out));
            if (row.title() != null) {
                out.close();
            }
        }
        out.close();
        out.close();
        return InputNodes.errors(sink) > errorsBefore ? List.of() : List.of(new ImportedSource(service, out.toString()));
    }

    private static void settings(Node d, InputNodes in, List<String> tags, SourceWriter out) {
        Dropped dropped = new Dropped(in, d, "The dashboard");
        dropped.rest(d, "dashboard", MAPPED);
        String uid = InputNodes.text(d, "uid");
        if (uid != null && UID.matcher(uid).matches()) {
            out.line("uid " + VigilText.string(uid));
        } else {
            dropped.add("uid", InputNodes.get(d, "uid"));
        }
        if (!tags.isEmpty()) {
            out.line("tags " + VigilText.stringList(tags));
        }
        Node refresh = InputNodes.get(d, "refresh");
        duration(InputNodes.text(refresh).orElse("")).ifPresentOrElse(ms -> out.line("refresh " + VigilText.duration(ms)),
                () -> dropped.add("refresh", refresh));
        Node time = InputNodes.get(d, "time");
        String from = InputNodes.text(InputNodes.get(time, "from")).orElse("");
        Optional<Long> range = from.startsWith("now-") && "now".equals(InputNodes.text(time, "to"))
                ? duration(from.substring(4)) : Optional.empty();
        range.ifPresentOrElse(ms -> out.line("time " + VigilText.duration(ms)), () -> dropped.add("time", time));
        InputNodes.text(InputNodes.get(d, "description")).filter(s -> !s.isEmpty())
                .ifPresent(s -> out.line("description " + VigilText.string(s)));
        DashboardSettingsImport.datasource(d, out, in);
        DashboardSettingsImport.links(d, out, dropped);
        String zone = InputNodes.text(InputNodes.get(d, "timezone")).orElse("");
        if (!zone.isEmpty() && !zone.equals("browser")) {
            dropped.add("timezone", InputNodes.get(d, "timezone"));
        }
        dropped.unlessDefault("graphTooltip", InputNodes.get(d, "graphTooltip"), "0");
        List<Node> annotations = InputNodes.items(InputNodes.get(InputNodes.get(d, "annotations"), "list"));
        for (int i = 0; i < annotations.size(); i++) {
            // The built-in "Annotations & Alerts" toggle is written by Vigil too.
            if (!InputNodes.text(InputNodes.get(annotations.get(i), "builtIn")).orElse("0").equals("1")) {
                dropped.add("annotations.list[" + i + "]", annotations.get(i));
            }
        }
        dropped.report();
    }

    private static void rowNotes(InputNodes in, PanelLayout.Row row) {
        Dropped dropped = new Dropped(in, row.node(), "Row `" + row.title() + "` (`" + row.path() + "`)");
        dropped.add(row.path() + ".collapsed", InputNodes.get(row.node(), "collapsed"));
        dropped.add(row.path() + ".collapse", InputNodes.get(row.node(), "collapse"));
        dropped.add(row.path() + ".repeat", InputNodes.get(row.node(), "repeat"));
        dropped.report();
    }

    /** A Grafana duration ({@code 30s}, {@code 1h}); empty for "" or anything else. */
    private static Optional<Long> duration(String text) {
        try {
            long ms = Durations.parseMillis(text.strip());
            return ms > 0 ? Optional.of(ms) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
