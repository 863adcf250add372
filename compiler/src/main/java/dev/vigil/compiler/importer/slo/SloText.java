package dev.vigil.compiler.importer.slo;

import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.importer.SourceWriter;
import dev.vigil.compiler.promql.Expr;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What an imported SLO spec maps to, and its Vigil text: a service holding SLO blocks. The three
 * formats are read into these records so that they are written alike.
 */
final class SloText {
    /** The severities every project has unless it declares others: the only ones an import can name. */
    static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

    /** An SLI: its kind ({@code events}, {@code latency}, {@code availability}, {@code ratio}) and queries. */
    record Sli(String kind, Map<String, Expr> queries, BigDecimal threshold) {
        Sli {
            queries = new LinkedHashMap<>(queries);
        }
    }

    /**
     * A tier's alerting: a severity, {@code off}, or null for Vigil's default; {@code forMillis} null
     * for the default.
     */
    record Tier(String severity, Long forMillis) {
        static final Tier DEFAULT = new Tier(null, null);
    }

    record Slo(String name, BigDecimal objectivePercent, Long windowMillis, String description, Sli sli, List<String> by,
            Tier page, Tier ticket) {
        Slo {
            by = List.copyOf(by);
        }
    }

    /** A service's team, labels and SLOs. */
    record Service(String name, String team, Map<String, String> labels, List<Slo> slos) {
        Service {
            labels = new LinkedHashMap<>(labels);
            slos = List.copyOf(slos);
        }
    }

    private SloText() {
    }

    /**
     * Labels a service can carry: `service` and `team` are Vigil's own (a `team` label becomes the
     * service's team); other names must be label names.
     */
    static Map<String, String> serviceLabels(Map<String, String> labels, Map<String, Node> at, InputNodes in) {
        Map<String, String> out = new LinkedHashMap<>();
        labels.forEach((k, v) -> {
            if (k.equals("service") || !k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                in.unmapped(at.get(k), "Label `" + k + "` is not imported: "
                        + (k.equals("service") ? "Vigil sets `service` to the service's name." : "it is not a label name."),
                        null);
            } else if (!k.equals("team")) {
                out.put(k, v);
            }
        });
        return out;
    }

    static String write(Service s) {
        SourceWriter out = new SourceWriter();
        out.open("service " + s.name());
        if (s.team() != null) {
            out.line("team " + VigilText.string(s.team()));
        }
        if (!s.labels().isEmpty()) {
            StringBuilder labels = new StringBuilder();
            s.labels().forEach((k, v) -> labels.append(labels.length() == 0 ? "" : ", ").append(k).append(" = ")
                    .append(VigilText.string(v)));
            out.line("labels { " + labels + " }");
        }
        for (Slo slo : s.slos()) {
            out.blank();
            slo(slo, out);
        }
        out.close();
        return out.toString();
    }

    private static void slo(Slo slo, SourceWriter out) {
        out.open("slo " + slo.name());
        out.line("objective " + VigilText.number(slo.objectivePercent()) + "%");
        if (slo.windowMillis() != null) {
            out.line("window " + VigilText.duration(slo.windowMillis()));
        }
        if (slo.description() != null && !slo.description().isBlank()) {
            out.line("description " + VigilText.string(slo.description().strip()));
        }
        out.open("sli " + slo.sli().kind());
        slo.sli().queries().forEach((k, q) -> out.query(k + " = ", q, ""));
        if (slo.sli().threshold() != null) {
            out.line("threshold " + VigilText.number(slo.sli().threshold()));
        }
        out.close();
        if (!slo.by().isEmpty()) {
            out.line("by [" + String.join(", ", slo.by()) + "]");
        }
        StringBuilder alerting = new StringBuilder();
        tier("page", slo.page(), alerting);
        tier("ticket", slo.ticket(), alerting);
        if (alerting.length() > 0) {
            out.line("alerting {" + alerting + " }");
        }
        out.close();
    }

    private static void tier(String tier, Tier t, StringBuilder out) {
        if (t.severity() != null) {
            out.append(' ').append(tier).append(' ').append(t.severity());
        }
        if (t.forMillis() != null) {
            out.append(' ').append(tier).append("_for ").append(VigilText.duration(t.forMillis()));
        }
    }
}
