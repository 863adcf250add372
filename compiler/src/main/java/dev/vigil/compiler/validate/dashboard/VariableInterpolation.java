package dev.vigil.compiler.validate.dashboard;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.ConstantUse;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.PromqlReader;
import dev.vigil.compiler.promql.Strings;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.regex.Re2;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.target.GrafanaTemplating;
import dev.vigil.compiler.target.GrafanaTemplating.Reference;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A dashboard query that stops parsing, or means something else, once Grafana fills in its variables.
 * The check reads the query text the Grafana emitter writes ({@link QueryText}), fills each variable in
 * the ways Grafana can (one value; several values and All, as a regex alternation, for a multi-value or
 * include-all variable), parses the result as Prometheus would, and compares its label matchers with
 * what the values mean.
 */
public final class VariableInterpolation implements Validator {
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** Label values a label_values variable may offer: a plain one, and one with a regex metacharacter. */
    private static final List<String> LABEL_VALUES = List.of("prod", "a.b");
    /** At most this many of a variable's values are tried one at a time. */
    private static final int SINGLE_VALUES = 4;

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (Service s : project.services()) {
            Map<String, Constant> constants = QueryText.scope(project, s);
            for (Dashboard d : s.dashboards()) {
                Map<String, Dashboard.Variable> variables = new LinkedHashMap<>();
                d.variables().forEach(v -> variables.putIfAbsent(v.name(), v));
                if (variables.isEmpty()) {
                    continue;
                }
                for (Dashboard.Variable v : d.variables()) {
                    if (v.query() != null) {
                        check(new Site("variable `" + v.name() + "`", v.query(), v.span()), constants, variables, sink);
                    }
                }
                for (Dashboard.Row row : d.rows()) {
                    for (Dashboard.Panel p : row.panels()) {
                        for (Dashboard.Query q : p.queries()) {
                            check(new Site("panel `" + p.name() + "`", q.expr(), q.span()), constants, variables, sink);
                        }
                    }
                }
            }
        }
    }

    /** A query to check: what holds it (for the message), its tree and where it is written. */
    private record Site(String owner, Expr expr, Span span, List<VectorSelector> selectors) {
        /** The written query's selectors, read once: every way of filling it in is compared with them. */
        Site(String owner, Expr expr, Span span) {
            this(owner, expr, span, VariableInterpolation.selectors(expr));
        }
    }

    /** A finding, and whether it is about the whole query (it does not parse, or reads as another query). */
    private record Finding(Diagnostic diagnostic, boolean wholeQuery) {
    }

    /** How a variable is filled in: the values chosen, and words for the message. */
    private record Selection(List<String> values, String described) {
    }

    private void check(Site site, Map<String, Constant> constants, Map<String, Dashboard.Variable> variables,
            DiagnosticSink sink) {
        // An unknown constant is Reference.Unknown's (blocking); such a query has no text to send.
        List<ConstantUse> uses = ConstantUse.in(site.expr());
        if (uses.stream().anyMatch(u -> !variables.containsKey(u.name())
                && !u.name().startsWith("__") && !constants.containsKey(u.name()))) {
            return;
        }
        String text = QueryText.of(site.expr(), constants, variables.keySet());
        runOnName(site, text, variables, sink);
        List<Reference> refs = GrafanaTemplating.references(text).stream()
                .filter(r -> variables.containsKey(r.name()) || r.name().startsWith("__")).toList();
        // A built-in this model has no value for, or a field path, is left unjudged rather than guessed.
        if (refs.isEmpty() || refs.stream().anyMatch(r -> r.fieldPath() != null
                || (!variables.containsKey(r.name()) && !GrafanaTemplating.BUILT_INS.containsKey(r.name())))) {
            return;
        }
        // Variables written outside a string first: a query they break breaks whatever the others hold, so
        // the finding goes to them, and judging stops there.
        Set<String> used = new LinkedHashSet<>();
        uses.stream().filter(u -> variables.containsKey(u.name())).forEach(u -> used.add(u.name()));
        refs.stream().filter(r -> variables.containsKey(r.name())).forEach(r -> used.add(r.name()));
        Map<String, Selection> base = new LinkedHashMap<>();
        for (String name : used) {
            base.put(name, selections(variables.get(name)).get(0));
        }
        Set<String> reported = new HashSet<>();
        for (String name : used) {
            Dashboard.Variable v = variables.get(name);
            for (Selection sel : selections(v)) {
                Map<String, Selection> scenario = new LinkedHashMap<>(base);
                scenario.put(name, sel);
                Optional<Finding> finding = judge(site, text, refs, scenario, variables, v, sel);
                if (finding.isPresent()) {
                    Diagnostic d = finding.get().diagnostic();
                    if (reported.add(d.span() + d.message())) {
                        sink.report(d);
                    }
                    if (finding.get().wholeQuery()) {
                        return;
                    }
                    break;
                }
            }
        }
    }

    /**
     * {@code $job_total} where the dashboard declares {@code job}: Grafana reads the longest name, finds no
     * such variable and sends the text as written, so the string holds {@code $job_total} literally.
     */
    private void runOnName(Site site, String text, Map<String, Dashboard.Variable> variables, DiagnosticSink sink) {
        Set<String> reported = new HashSet<>();
        for (Reference r : GrafanaTemplating.references(text)) {
            if (variables.containsKey(r.name()) || r.name().startsWith("__")) {
                continue;
            }
            Optional<String> meant = variables.keySet().stream().filter(n -> r.name().startsWith(n))
                    .max((a, b) -> Integer.compare(a.length(), b.length()));
            if (meant.isEmpty()) {
                continue;
            }
            String written = r.text(text);
            // Only a matcher value: elsewhere, such as label_replace's replacement `"$instance_id"`, a `$name`
            // may be meant for Prometheus (a capture group), which Grafana leaves alone as well.
            Optional<Span> at = site.selectors().stream().flatMap(s -> s.matchers().stream())
                    .filter(m -> !m.isConstRef() && GrafanaTemplating.references(m.value()).stream()
                            .anyMatch(x -> x.text(m.value()).equals(written)))
                    .map(LabelMatcher::span).findFirst();
            if (at.isEmpty() || !reported.add(at.get() + written)) {
                continue;
            }
            String rest = r.name().substring(meant.get().length());
            sink.report(Diagnostic.error(id(), at.get(), "`" + written + "` in the query of " + site.owner()
                    + " names no variable: Grafana reads the longest name, `" + r.name() + "`, and sends `" + written
                    + "` as it is.", "For the variable `" + meant.get() + "` followed by `" + rest + "`, write `${"
                    + meant.get() + "}" + rest + "`."));
        }
    }

    /** The ways Grafana can fill {@code v} in, the one to assume for the other variables first. */
    private static List<Selection> selections(Dashboard.Variable v) {
        List<String> values = switch (v.kind()) {
            case LABEL_VALUES -> LABEL_VALUES;
            case CUSTOM, INTERVAL -> v.values().isEmpty() ? LABEL_VALUES : v.values();
        };
        // The first value, then several, then the other values one at a time: a finding shows the
        // plainest selection that breaks the query.
        List<Selection> out = new ArrayList<>();
        out.add(new Selection(List.of(values.get(0)), "one value, `" + values.get(0) + "`"));
        if (v.multi() && values.size() > 1) {
            out.add(new Selection(values.subList(0, 2), "two values, `" + values.get(0) + "` and `" + values.get(1) + "`"));
        }
        if (v.includeAll() && values.size() > 1) {
            out.add(new Selection(values, "All"));
        }
        for (String value : values.subList(1, Math.min(SINGLE_VALUES, values.size()))) {
            out.add(new Selection(List.of(value), "one value, `" + value + "`"));
        }
        return out;
    }

    private Optional<Finding> judge(Site site, String text, List<Reference> refs, Map<String, Selection> scenario,
            Map<String, Dashboard.Variable> variables, Dashboard.Variable v, Selection sel) {
        Map<Reference, String> filled = new LinkedHashMap<>();
        for (Reference r : refs) {
            Dashboard.Variable of = variables.get(r.name());
            Optional<String> value = of == null ? Optional.of(GrafanaTemplating.BUILT_INS.get(r.name()))
                    : GrafanaTemplating.render(scenario.get(r.name()).values(), of.multi() || of.includeAll(), r.format());
            if (value.isEmpty()) {
                // A format this model does not know: nothing is claimed.
                return Optional.empty();
            }
            filled.put(r, value.get());
        }
        String sent = GrafanaTemplating.interpolate(text, refs, filled::get);
        String rendered = filled.entrySet().stream().filter(e -> e.getKey().name().equals(v.name()))
                .map(Map.Entry::getValue).findFirst().orElse("");
        String when = "once Grafana fills in `$" + v.name() + "` with " + sel.described();
        String how = when + (sel.values().size() > 1 || !rendered.equals(sel.values().get(0)) ? " (`" + rendered + "`)" : "");
        Optional<Expr> parsed = PromqlReader.standard().read(sent);
        if (parsed.isEmpty()) {
            return Optional.of(new Finding(unparsable(site, v, how, sent), true));
        }
        List<VectorSelector> before = site.selectors();
        List<VectorSelector> after = selectors(parsed.get());
        List<VectorSelector> plain = sel.values().size() == 1 && (v.multi() || v.includeAll())
                ? plain(text, refs, filled, v, sel.values().get(0)) : List.of();
        if (before.size() != after.size()) {
            Span at = bareUse(site.expr(), v.name()).map(ConstantUse::span).orElse(site.span());
            return Optional.of(new Finding(Diagnostic.error(id(), at, "The query of " + site.owner()
                    + " reads as another query " + how + ": Grafana sends `" + sent + "`.",
                    "A variable's value is label text: use it inside a string in a matcher, `{label=~\"$" + v.name()
                            + "\"}`."), true));
        }
        for (int i = 0; i < before.size(); i++) {
            List<LabelMatcher> mb = before.get(i).matchers();
            List<LabelMatcher> ma = after.get(i).matchers();
            for (int j = 0; j < Math.min(mb.size(), ma.size()); j++) {
                String meant = plain.size() == before.size() && plain.get(i).matchers().size() == mb.size()
                        ? plain.get(i).matchers().get(j).value() : null;
                Optional<Diagnostic> d = matcher(site, mb.get(j), ma.get(j), meant, v, sel, when, variables);
                if (d.isPresent()) {
                    return Optional.of(new Finding(d.get(), false));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The selectors of the query as the user means it for one value of {@code v}: every other reference
     * filled as Grafana fills it, and {@code v}'s value as text rather than as a regex. Empty when that
     * query does not parse.
     */
    private static List<VectorSelector> plain(String text, List<Reference> refs, Map<Reference, String> filled,
            Dashboard.Variable v, String value) {
        String meant = GrafanaTemplating.interpolate(text, refs, r -> r.name().equals(v.name())
                ? GrafanaTemplating.render(List.of(value), false, r.format()).orElse(null) : filled.get(r));
        return PromqlReader.standard().read(meant).map(VariableInterpolation::selectors).orElse(List.of());
    }

    private Diagnostic unparsable(Site site, Dashboard.Variable v, String how, String sent) {
        Optional<ConstantUse> bare = bareUse(site.expr(), v.name());
        String message = "The query of " + site.owner() + " does not parse " + how + ", so Grafana shows an error "
                + "instead of the data.";
        boolean regex = v.multi() || v.includeAll();
        if (bare.isPresent() && bare.get().position() == ConstantUse.Position.MATCHER_VALUE) {
            Optional<LabelMatcher> m = matcherAt(site.expr(), bare.get().span());
            boolean eq = m.isPresent() && (m.get().op() == MatchOp.EQ || m.get().op() == MatchOp.NEQ);
            String op = m.map(x -> regex && eq ? (x.op() == MatchOp.EQ ? "=~" : "!~") : x.op().symbol()).orElse("=~");
            String label = m.map(LabelMatcher::name).orElse("label");
            String replacement = label + op + "\"$" + v.name() + "\"";
            Diagnostic d = Diagnostic.error(id(), bare.get().span(), message, "Grafana sends `" + sent
                    + "`; a label value is a string: write `" + replacement + "`.");
            if (m.isPresent() && bare.get().span().via() == null && LABEL_NAME.matcher(label).matches()) {
                d = d.withFix(new Fix(regex && eq ? "Quote the variable and match it as a regex" : "Quote the variable",
                        bare.get().span(), replacement));
            }
            return d;
        }
        String hint = "Grafana sends `" + sent + "`.";
        if (bare.isPresent() && bare.get().position() == ConstantUse.Position.DURATION) {
            hint += regex ? " A range or offset takes one duration: declare `" + v.name() + "` without `multi` and "
                    + "`include_all`, or use `$__rate_interval`." : " A range or offset takes a duration: use an "
                    + "`interval` variable, or `$__rate_interval`.";
        } else if (bare.isPresent() && bare.get().position() == ConstantUse.Position.PARAMETER) {
            hint += " A grouping or matching takes label names, one per variable: declare `" + v.name() + "` as a "
                    + "`custom` list of label names, without `multi` and `include_all`.";
        } else if (bare.isPresent()) {
            hint += " A variable's value is text: use it inside a string in a matcher, `{label=~\"$" + v.name() + "\"}`.";
        }
        Optional<LabelMatcher> holder = bare.isPresent() ? Optional.empty() : site.selectors().stream()
                .flatMap(s -> s.matchers().stream()).filter(m -> !m.isConstRef() && GrafanaTemplating
                        .references(m.value()).stream().anyMatch(r -> r.name().equals(v.name()))).findFirst();
        if (holder.isPresent()) {
            hint += " Write `$" + v.name() + "` without a format: the data source then escapes each value for a regex.";
        }
        Span at = bare.map(ConstantUse::span).orElse(holder.map(LabelMatcher::span).orElse(site.span()));
        return Diagnostic.error(id(), at, message, hint);
    }

    /**
     * The finding for one matcher whose value names {@code v}: a plain match ({@code =}, {@code !=})
     * must equal {@code meant}, its value with the one value chosen as text (null for several values); a
     * regex match written as the variable alone, sent as a regex or with a format, must match each value.
     */
    private Optional<Diagnostic> matcher(Site site, LabelMatcher written, LabelMatcher sent, String meant,
            Dashboard.Variable v, Selection sel, String how, Map<String, Dashboard.Variable> variables) {
        if (written.isConstRef()) {
            return Optional.empty();
        }
        List<Reference> refs = GrafanaTemplating.references(written.value()).stream()
                .filter(r -> r.name().equals(v.name())).toList();
        if (refs.isEmpty()) {
            return Optional.empty();
        }
        String shown = written.name() + written.op().symbol() + Strings.quote(written.value());
        if (written.op() == MatchOp.EQ || written.op() == MatchOp.NEQ) {
            if (!v.multi() && !v.includeAll()) {
                // One value, escaped for a string: the classic escape mangles only a `'`, which no fix here avoids.
                return Optional.empty();
            }
            if (meant != null && meant.equals(sent.value())) {
                return Optional.empty();
            }
            boolean eq = written.op() == MatchOp.EQ;
            String message = "`" + shown + "` in the query of " + site.owner() + " compares the label with the text "
                    + "`" + sent.value() + "` " + how + ", so it " + (eq ? "selects nothing" : "excludes nothing")
                    + ": a multi-value or include-all variable is filled in as a regex.";
            String fixed = written.name() + (eq ? "=~" : "!~") + Strings.quote(written.value());
            Diagnostic d = Diagnostic.error(id(), written.span(), message, "Match it as a regex: `" + fixed + "`.");
            // Only when the rest of the value is no regex, so that `=~` matches it as written.
            String rest = GrafanaTemplating.interpolate(written.value(), refs, r -> "");
            if (written.span().via() == null && LABEL_NAME.matcher(written.name()).matches()
                    && QueryText.escapeRegex(rest).equals(rest)
                    && GrafanaTemplating.references(rest).stream().noneMatch(r -> variables.containsKey(r.name()))) {
                d = d.withFix(new Fix("Match the variable as a regex", written.span(), fixed));
            }
            return Optional.of(d);
        }
        // A variable that is neither multi-value nor include-all, written without a format, is sent as it
        // is, on purpose: its values may be regexes (`2..|3..`), which need not match themselves.
        boolean regexMode = v.multi() || v.includeAll();
        if (refs.size() == 1 && refs.get(0).start() == 0 && refs.get(0).end() == written.value().length()
                && (refs.get(0).format() != null || regexMode)) {
            for (String value : sel.values()) {
                Optional<Boolean> hit = Re2.PROMETHEUS.matches(sent.value(), value);
                // Without a format such a variable's value is the regex itself: the hint holds only where
                // that regex matches the value.
                boolean plainMatches = regexMode || Re2.PROMETHEUS.matches(value, value).orElse(false);
                if (hit.isPresent() && !hit.get() && plainMatches) {
                    return Optional.of(Diagnostic.error(id(), written.span(), "`" + shown + "` in the query of "
                            + site.owner() + " becomes the regex `" + sent.value() + "` " + how + ", which does not "
                            + "match `" + value + "`.", "Write the variable without a format, `\"$" + v.name()
                            + "\"`: Grafana then writes a regex that matches each value chosen."));
                }
            }
        }
        return Optional.empty();
    }

    private static List<VectorSelector> selectors(Expr e) {
        List<VectorSelector> out = new ArrayList<>();
        Expr.walk(e, x -> {
            if (x instanceof VectorSelector s) {
                out.add(s);
            }
        });
        return out;
    }

    /** The first place {@code $name} stands outside a string: an operand, a matcher value or a duration. */
    private static Optional<ConstantUse> bareUse(Expr e, String name) {
        return ConstantUse.in(e).stream().filter(u -> u.name().equals(name)).findFirst();
    }

    private static Optional<LabelMatcher> matcherAt(Expr e, Span span) {
        return selectors(e).stream().flatMap(s -> s.matchers().stream())
                .filter(m -> m.isConstRef() && m.span().equals(span)).findFirst();
    }
}
