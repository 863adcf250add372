package dev.vigil.compiler.model;

import dev.vigil.compiler.source.Span;
import java.util.List;

/** A Prometheus rule group. {@code intervalMillis} is 0 when the global evaluation interval applies. */
public record RuleGroup(String name, long intervalMillis, Integer limit, List<Rule> rules, Span span) {
    public RuleGroup {
        rules = List.copyOf(rules);
    }
}
