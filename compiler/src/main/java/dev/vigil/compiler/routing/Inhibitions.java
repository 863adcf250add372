package dev.vigil.compiler.routing;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.SeverityOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The inhibit rules Vigil writes for a routing, in the order it writes them, and Alertmanager's
 * inhibition semantics over them: the one definition the Alertmanager emitter and the routing tests
 * share. A rule silences a target alert while a source alert fires when (Alertmanager's
 * {@code inhibit/inhibit.go}):
 * <ul>
 * <li>its target matchers match the target and its source matchers match the source;
 * <li>every {@code equal} label has the same value on both, a missing label counting as the empty value;
 * <li>and, when the target also matches the source matchers, the source does not also match the
 *     target matchers: an alert that matches both sides inhibits no alert that does too, so an alert
 *     never inhibits itself.
 * </ul>
 * Besides the declared {@code inhibit}s, a project that does not inhibit on {@code severity} itself
 * gets one rule per level: each severity silences every less urgent one of the same {@code alertname}
 * and {@code service}.
 */
public record Inhibitions(AlertRouting semantics, List<Rule> rules) {
    /** The labels the default severity rules compare: every Vigil alert carries both. */
    public static final List<String> SEVERITY_EQUAL = List.of("alertname", "service");

    public Inhibitions {
        rules = List.copyOf(rules);
    }

    /** An inhibit rule as written to Alertmanager; {@code declared} is its {@code inhibit}, null for a default severity rule. */
    public record Rule(List<Routing.Matcher> target, List<Routing.Matcher> source, List<String> equal,
            Routing.Inhibition declared) {
        public Rule {
            target = List.copyOf(target);
            source = List.copyOf(source);
            equal = List.copyOf(equal);
        }
    }

    /** What one rule does to a target alert while a source alert fires. */
    public enum Effect {
        INHIBITS, NOT_TARGET, NOT_SOURCE, UNEQUAL, BOTH_SIDES, UNDECIDED
    }

    /** {@code label} is the first {@code equal} label that differs, for {@link Effect#UNEQUAL}. */
    public record Verdict(Rule rule, Effect effect, String label) {
    }

    public static Inhibitions of(Project project) {
        AlertRouting semantics = AlertRouting.of(project);
        return new Inhibitions(semantics, rules(project.routing(), semantics.severities()));
    }

    /** The rules of {@code routing}: the declared ones, then the default severity ones unless it inhibits on severity. */
    public static List<Rule> rules(Routing routing, SeverityOrder severities) {
        List<Rule> out = new ArrayList<>();
        for (Routing.Inhibition in : routing.inhibitions()) {
            out.add(new Rule(side(in.targetAlert(), in.target()), side(in.sourceAlert(), in.source()), in.equal(), in));
        }
        if (!declaresSeverityInhibition(routing)) {
            List<String> levels = severities.levels();
            for (int i = 0; i < levels.size() - 1; i++) {
                List<String> lower = levels.subList(i + 1, levels.size());
                Routing.Matcher target = lower.size() == 1 ? new Routing.Matcher("severity", "=", lower.get(0), null)
                        : new Routing.Matcher("severity", "=~",
                                lower.stream().map(QueryText::escapeRegex).collect(Collectors.joining("|")), null);
                out.add(new Rule(List.of(target), List.of(new Routing.Matcher("severity", "=", levels.get(i), null)),
                        SEVERITY_EQUAL, null));
            }
        }
        return out;
    }

    /** A project that inhibits on severity itself gets exactly what it wrote. */
    public static boolean declaresSeverityInhibition(Routing routing) {
        return routing.inhibitions().stream().anyMatch(in -> in.target().stream().anyMatch(m -> m.label().equals("severity"))
                || in.source().stream().anyMatch(m -> m.label().equals("severity")));
    }

    /** A side naming an alert matches its {@code alertname} first. */
    private static List<Routing.Matcher> side(Ref alert, List<Routing.Matcher> matchers) {
        List<Routing.Matcher> out = new ArrayList<>();
        if (alert != null) {
            out.add(new Routing.Matcher("alertname", "=", alert.name(), alert.span()));
        }
        out.addAll(matchers);
        return out;
    }

    /** What {@code rule} does to an alert with labels {@code target} while one with labels {@code source} fires. */
    public Verdict apply(Rule rule, Map<String, String> target, Map<String, String> source) {
        AlertLabels t = AlertLabels.of(target);
        AlertLabels s = AlertLabels.of(source);
        Truth isTarget = semantics.matchesAll(rule.target(), t);
        if (isTarget != Truth.YES) {
            return new Verdict(rule, isTarget == Truth.NO ? Effect.NOT_TARGET : Effect.UNDECIDED, null);
        }
        Truth isSource = semantics.matchesAll(rule.source(), s);
        if (isSource != Truth.YES) {
            return new Verdict(rule, isSource == Truth.NO ? Effect.NOT_SOURCE : Effect.UNDECIDED, null);
        }
        for (String label : rule.equal()) {
            if (!t.value(label).equals(s.value(label))) {
                return new Verdict(rule, Effect.UNEQUAL, label);
            }
        }
        Truth bothSides = semantics.matchesAll(rule.source(), t).and(semantics.matchesAll(rule.target(), s));
        return switch (bothSides) {
            case YES -> new Verdict(rule, Effect.BOTH_SIDES, null);
            case NO -> new Verdict(rule, Effect.INHIBITS, null);
            case MAYBE -> new Verdict(rule, Effect.UNDECIDED, null);
        };
    }

    /** What every rule does to {@code target} while {@code source} fires, in rule order. */
    public List<Verdict> verdicts(Map<String, String> target, Map<String, String> source) {
        return rules.stream().map(r -> apply(r, target, source)).toList();
    }
}
