package dev.vigil.compiler.index;

import dev.vigil.compiler.analysis.Inferred;
import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.ast.Values;
import dev.vigil.compiler.model.AlertThreshold;
import dev.vigil.compiler.model.Metric;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.ConstRef;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.NumberLiteral;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.StringLiteral;
import dev.vigil.compiler.routing.AlertLabels;
import dev.vigil.compiler.routing.AlertRouting;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a hover shows, from the compiler's own analyses: label inference for a query and a recording rule,
 * the model for a metric and an alert (its threshold as {@link AlertThreshold} reads it, its receivers as
 * {@link AlertRouting} walks the routes on the labels the alert carries), the declaration for a constant.
 * The analyses are made on first use; the index serialises hovers because inference memoises.
 */
final class Hovers {
    private static final int MAX_TEXT = 120;

    private final SymbolIndex index;
    private LabelInference inference;
    private Map<String, Rule.Alert> alerts;
    private Map<Rule.Alert, Service> alertServices;
    private Map<String, Metric> metrics;
    private AlertRouting routing;

    Hovers(SymbolIndex index) {
        this.index = index;
    }

    Optional<Hover> at(String file, int line, int column) {
        List<HoverInfo> parts = new ArrayList<>();
        Span range = null;
        List<Occurrence> here = index.occurrencesAt(file, line, column);
        if (!here.isEmpty()) {
            range = here.get(0).span();
            parts.add(symbol(here.get(0).symbol()));
        }
        Expr e = innermost(file, line, column);
        if (e != null && !(e instanceof ConstRef || e instanceof NumberLiteral || e instanceof StringLiteral)) {
            if (range == null) {
                range = Locate.place(e.span());
            }
            parts.add(expression(e));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(new Hover(range, parts));
    }

    // ------------------------------------------------------------ queries

    /** The smallest query node at the position, in the first expansion of the text that has one. */
    private Expr innermost(String file, int line, int column) {
        for (IndexBuilder.ExprSite site : index.data().exprs().getOrDefault(file, List.of())) {
            if (!at(site.expr(), file, line, column)) {
                continue;
            }
            Expr cur = site.expr();
            boolean deeper = true;
            while (deeper) {
                deeper = false;
                for (Expr c : cur.children()) {
                    if (c != null && at(c, file, line, column)) {
                        cur = c;
                        deeper = true;
                        break;
                    }
                }
            }
            return cur;
        }
        return null;
    }

    private static boolean at(Expr e, String file, int line, int column) {
        Span s = e.span();
        return s != null && !s.isNone() && s.file().equals(file) && SymbolIndex.contains(s, line, column);
    }

    private HoverInfo.Expression expression(Expr e) {
        return expression(text(e), inference().infer(e));
    }

    private static HoverInfo.Expression expression(String text, Inferred inferred) {
        List<HoverInfo.Expression.Label> definite = new ArrayList<>();
        List<String> possible = new ArrayList<>();
        for (LabelSet.Label l : inferred.labels().labels().values()) {
            if (l.definite()) {
                definite.add(new HoverInfo.Expression.Label(l.name(), l.value()));
            } else {
                possible.add(l.name());
            }
        }
        return new HoverInfo.Expression(text, inferred.type(), definite, possible, inferred.labels().open());
    }

    private static String text(Expr e) {
        String t;
        try {
            t = PromqlPrinter.print(e);
        } catch (RuntimeException partial) {
            t = "…";
        }
        return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT - 1) + "…";
    }

    private LabelInference inference() {
        if (inference == null) {
            inference = LabelInference.forProject(index.model());
        }
        return inference;
    }

    // ------------------------------------------------------------ symbols

    private HoverInfo symbol(Symbol s) {
        HoverInfo info = switch (s.kind()) {
            case CONSTANT -> constant(s);
            case METRIC -> metric(s.name());
            case RECORDING_RULE -> recording(s.name());
            case ALERT -> alert(s.name());
            default -> null;
        };
        return info != null ? info : new HoverInfo.Named(s.kind(), s.qualifiedName());
    }

    private HoverInfo constant(Symbol s) {
        Value v = s.service() == null ? index.data().globalConstants().get(s.name())
                : index.data().serviceConstants().getOrDefault(s.service(), Map.of()).get(s.name());
        if (v == null) {
            return null;
        }
        return new HoverInfo.Constant(s.name(), s.service(), literal(v), v.kind().replaceFirst("^an? ", ""));
    }

    /** A value as it is written: strings quoted, lists in brackets. */
    static String literal(Value v) {
        if (v instanceof Value.StringValue s) {
            return dev.vigil.compiler.promql.Strings.quote(s.value());
        }
        if (v instanceof Value.ListValue l) {
            List<String> items = new ArrayList<>();
            l.items().forEach(i -> items.add(literal(i)));
            return "[" + String.join(", ", items) + "]";
        }
        return Values.text(v);
    }

    private HoverInfo metric(String name) {
        if (metrics == null) {
            metrics = new HashMap<>();
            Project model = index.model();
            if (model != null) {
                for (Service s : model.services()) {
                    for (Metric m : s.metrics()) {
                        if (m != null && m.name() != null) {
                            metrics.putIfAbsent(m.name(), m);
                        }
                    }
                }
            }
        }
        Metric m = metrics.get(name);
        if (m != null) {
            return new HoverInfo.Metric(m.name(), m.type().name().toLowerCase(java.util.Locale.ROOT), m.labels(),
                    m.optionalLabels(), m.unit(), m.help());
        }
        // No model: the declaration as written.
        Decl.MetricDecl d = index.data().metrics().get(name);
        if (d == null) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        if (d.labels() instanceof Value.ListValue l) {
            l.items().forEach(i -> labels.add(Values.text(i)));
        }
        String help = d.properties().stream().filter(p -> p.key() != null && p.key().text().equals("help")
                && p.value() instanceof Value.StringValue).map(p -> ((Value.StringValue) p.value()).value())
                .findFirst().orElse(null);
        return new HoverInfo.Metric(name, d.type() == null ? "metric" : d.type().text(), labels, List.of(), null, help);
    }

    private HoverInfo recording(String name) {
        LabelInference li = inference();
        List<Rule.Recording> rules = li.recordingRules(name);
        if (rules.isEmpty()) {
            return null;
        }
        Expr first = rules.get(0).expr();
        Optional<Inferred> series = li.recordingRule(name);
        return new HoverInfo.RecordingRule(name, rules.size(), first == null ? null : text(first),
                series.map(i -> expression(name, i)).orElse(null));
    }

    private HoverInfo alert(String name) {
        Project model = index.model();
        if (model == null) {
            return null;
        }
        if (alerts == null) {
            alerts = new HashMap<>();
            alertServices = new java.util.IdentityHashMap<>();
            for (Service s : model.services()) {
                for (RuleGroup g : s.groups()) {
                    for (Rule r : g.rules()) {
                        if (r instanceof Rule.Alert a && a.name() != null && alerts.putIfAbsent(a.name(), a) == null) {
                            alertServices.put(a, s);
                        }
                    }
                }
            }
        }
        Rule.Alert a = alerts.get(name);
        if (a == null) {
            return null;
        }
        String threshold = a.expr() == null ? null
                : AlertThreshold.of(a.expr(), Queries.scope(model, alertServices.get(a))).map(AlertThreshold::text)
                        .orElse(null);
        boolean routed = !model.routing().routes().isEmpty();
        Set<String> receivers = new LinkedHashSet<>();
        if (routed) {
            if (routing == null) {
                routing = AlertRouting.of(model);
            }
            AlertLabels labels = AlertLabels.of(inference().alertLabels(a));
            routing.reach(model.routing().routes(), labels)
                    .forEach(r -> receivers.add(r.receiver() == null ? "" : r.receiver().name()));
        }
        String generatedBy = a.origin() instanceof Origin.FromSlo f ? "SLO `" + f.slo() + "`" : null;
        return new HoverInfo.Alert(name, threshold, Durations.format(a.forMillis()),
                a.keepFiringForMillis() > 0 ? Durations.format(a.keepFiringForMillis()) : null,
                a.severity() == null ? null : a.severity().name(), List.copyOf(receivers), routed,
                a.panel() == null ? null : a.panel().toString(), generatedBy);
    }
}
