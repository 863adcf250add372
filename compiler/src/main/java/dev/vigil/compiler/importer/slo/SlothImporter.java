package dev.vigil.compiler.importer.slo;

import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.importer.ImportedSource;
import dev.vigil.compiler.importer.Importer;
import dev.vigil.compiler.yaml.YamlDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Sloth specs: the {@code version: prometheus/v1} file and the Kubernetes {@code PrometheusServiceLevel}
 * ({@code sloth.slok.dev/v1}, the same spec with camel-case keys). The spec's {@code service} is the
 * Vigil service, its labels the service's labels; each SLO keeps its name (in snake case), objective,
 * description and SLI. Sloth's window is the CLI's (30d by default, as Vigil's).
 */
public final class SlothImporter implements Importer {
    private static final Set<String> SPEC_KEYS = Set.of("version", "service", "labels", "slos");
    private static final Set<String> SLO_KEYS = Set.of("name", "objective", "description", "sli", "alerting");
    private static final Set<String> ALERTING_KEYS = Set.of("page_alert", "pageAlert", "ticket_alert", "ticketAlert");

    @Override
    public String kind() {
        return "Sloth SLO spec";
    }

    @Override
    public boolean recognises(YamlDocument document) {
        Node root = document.root();
        return "prometheus/v1".equals(InputNodes.text(root, "version")) && InputNodes.get(root, "slos") != null
                || "PrometheusServiceLevel".equals(InputNodes.text(root, "kind"))
                && String.valueOf(InputNodes.text(root, "apiVersion")).startsWith("sloth.slok.dev/");
    }

    @Override
    public List<ImportedSource> translate(YamlDocument document, DiagnosticSink sink) {
        InputNodes in = new InputNodes(document, sink);
        long before = InputNodes.errors(sink);
        Node root = document.root();
        boolean kubernetes = InputNodes.get(root, "kind") != null;
        Node spec = kubernetes ? InputNodes.get(root, "spec") : root;
        for (Map.Entry<String, Node> e : InputNodes.entries(spec).entrySet()) {
            if (!SPEC_KEYS.contains(e.getKey())) {
                in.unmapped(e.getValue(), "`" + e.getKey() + "` of the Sloth spec is not imported.", null);
            }
        }
        String serviceName = InputNodes.text(spec, "service");
        if (serviceName == null || serviceName.isBlank()) {
            // Reported, and the SLOs are still read so that all of the spec's mistakes show at once.
            in.error(Ids.PROPERTY_MISSING, spec == null ? root : spec, "The Sloth spec has no `service`.",
                    "Sloth requires it; Vigil puts the SLOs into the service of that name.");
        }
        Map<String, String> labels = InputNodes.strings(InputNodes.get(spec, "labels"));
        String team = labels.get("team");
        labels = SloText.serviceLabels(labels, InputNodes.entries(InputNodes.get(spec, "labels")), in);
        List<SloText.Slo> slos = new ArrayList<>();
        for (Node slo : InputNodes.items(InputNodes.get(spec, "slos"))) {
            slo(slo, in).ifPresent(slos::add);
        }
        if (InputNodes.errors(sink) > before) {
            return List.of();
        }
        if (slos.isEmpty()) {
            in.error(Ids.PROPERTY_MISSING, spec, "The Sloth spec has no SLO that Vigil can import.", null);
            return List.of();
        }
        String service = VigilText.snakeName(serviceName, "service");
        return List.of(new ImportedSource(service, SloText.write(new SloText.Service(service, team, labels, slos))));
    }

    private Optional<SloText.Slo> slo(Node slo, InputNodes in) {
        String name = InputNodes.text(slo, "name");
        Optional<BigDecimal> objective = InputNodes.number(InputNodes.get(slo, "objective"));
        if (name == null || objective.isEmpty()) {
            in.error(Ids.PROPERTY_MISSING, slo, "This SLO has no " + (name == null ? "`name`" : "numeric `objective`")
                    + ".", "Sloth requires both: `name` and `objective` (a percentage such as `99.9`).");
            return Optional.empty();
        }
        for (Map.Entry<String, Node> e : InputNodes.entries(slo).entrySet()) {
            if (!SLO_KEYS.contains(e.getKey())) {
                in.unmapped(e.getValue(), "`" + e.getKey() + "` of SLO `" + name + "` is not imported: Vigil labels an "
                        + "SLO's series with `service` and `slo` only.", null);
            }
        }
        Node sli = InputNodes.get(slo, "sli");
        Node events = InputNodes.get(sli, "events");
        Node raw = InputNodes.get(sli, "raw");
        Optional<SliMapping.Mapped> mapped;
        if (events != null) {
            mapped = SliMapping.events(in, events, "errors", InputNodes.first(events, "error_query", "errorQuery"),
                    InputNodes.first(events, "total_query", "totalQuery"), "SLI of `" + name + "`");
        } else if (raw != null) {
            mapped = SliMapping.ratio(in, raw, InputNodes.first(raw, "error_ratio_query", "errorRatioQuery"),
                    "raw SLI of `" + name + "`");
        } else {
            in.unmapped(sli == null ? slo : sli, "SLO `" + name + "` is not imported: its SLI is "
                    + (InputNodes.get(sli, "plugin") != null ? "a Sloth plugin" : "missing") + ", which Vigil cannot read.",
                    "Write the SLI's queries as `events` or `raw`, or write the SLO in Vigil.");
            return Optional.empty();
        }
        if (mapped.isEmpty()) {
            return Optional.empty();
        }
        Node alerting = InputNodes.get(slo, "alerting");
        for (Map.Entry<String, Node> e : InputNodes.entries(alerting).entrySet()) {
            if (!ALERTING_KEYS.contains(e.getKey())) {
                in.unmapped(e.getValue(), "`alerting." + e.getKey() + "` of SLO `" + name + "` is not imported: Vigil "
                        + "names the burn-rate alerts and sets their labels and annotations itself.",
                        "Route on the `slo` and `tier` labels; runbook links come from the service's `links`.");
            }
        }
        SloText.Tier page = tier(in, InputNodes.first(alerting, "page_alert", "pageAlert"), "page", name);
        SloText.Tier ticket = tier(in, InputNodes.first(alerting, "ticket_alert", "ticketAlert"), "ticket", name);
        return Optional.of(new SloText.Slo(VigilText.snakeName(name, "slo"), objective.get(), null,
                InputNodes.text(slo, "description"), mapped.get().sli(), mapped.get().by(), page, ticket));
    }

    /** {@code disable: true} turns the tier off; a {@code severity} label Vigil knows becomes its severity. */
    private static SloText.Tier tier(InputNodes in, Node alert, String tier, String slo) {
        if (InputNodes.bool(InputNodes.get(alert, "disable")).orElse(false)) {
            return new SloText.Tier("off", null);
        }
        String severity = null;
        for (Map.Entry<String, Node> e : InputNodes.entries(InputNodes.get(alert, "labels")).entrySet()) {
            String value = InputNodes.text(e.getValue()).orElse("");
            if (e.getKey().equals("severity") && SloText.SEVERITIES.contains(value)) {
                severity = value;
            } else {
                in.unmapped(e.getValue(), "Label `" + e.getKey() + ": " + value + "` of the " + tier + " alert of SLO `"
                        + slo + "` is not imported.", e.getKey().equals("severity") ? "Vigil's severities are "
                        + "`critical`, `warning` and `info` unless the project declares others; set `" + tier
                        + "` in the SLO's `alerting` block." : "The alert carries `slo`, `tier`, `severity` and the "
                        + "service's labels.");
            }
        }
        in.unmappedEach(InputNodes.get(alert, "annotations"), "annotation of the " + tier + " alert of SLO `" + slo + "`");
        return new SloText.Tier(severity, null);
    }
}
