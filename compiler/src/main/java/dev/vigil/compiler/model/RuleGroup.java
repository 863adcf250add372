package dev.vigil.compiler.model;

import dev.vigil.compiler.source.Span;
import java.util.List;

/**
 * A Prometheus rule group. {@code intervalMillis} is 0 when the global evaluation interval applies;
 * {@code origin} says whether the group was written or generated (an SLO's groups).
 */
public record RuleGroup(String name, long intervalMillis, Integer limit, List<Rule> rules, Origin origin, Span span) {
    public RuleGroup {
        rules = List.copyOf(rules);
        origin = origin == null ? Origin.WRITTEN : origin;
    }

    /** A group as written. */
    public RuleGroup(String name, long intervalMillis, Integer limit, List<Rule> rules, Span span) {
        this(name, intervalMillis, limit, rules, Origin.WRITTEN, span);
    }

    public RuleGroup withRules(List<Rule> newRules) {
        return new RuleGroup(name, intervalMillis, limit, newRules, origin, span);
    }
}
