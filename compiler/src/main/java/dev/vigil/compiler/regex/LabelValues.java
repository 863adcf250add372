package dev.vigil.compiler.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values a label can have on a series, as matchers that all hold; the empty string stands for
 * a missing label, as it does in Prometheus and Alertmanager. {@link #disjoint} decides soundly
 * whether two such sets share no value: it answers true only when no value can satisfy both, by
 * automata built from the RE2 regexes (fully anchored, as label regexes are), never by comparing
 * spellings. Whatever it cannot decide (a regex that is not valid RE2, a search past its limits,
 * two negative matchers) it answers false: they may share a value.
 */
public final class LabelValues {
    /** A matcher's operator: {@code =}, {@code !=}, {@code =~}, {@code !~}. */
    public enum Op { EQ, NEQ, RE, NRE }

    public record Term(Op op, String value) {
        boolean negative() {
            return op == Op.NEQ || op == Op.NRE;
        }
    }

    /** No constraint: any value, or none. */
    public static final LabelValues ANY = new LabelValues(List.of());
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, Optional<Compiled>> CACHE = new ConcurrentHashMap<>();

    private final List<Term> terms;

    private LabelValues(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    public static LabelValues of(Op op, String value) {
        return new LabelValues(List.of(new Term(op, value)));
    }

    /** The label is there: its value is not empty. */
    public static LabelValues present() {
        return of(Op.NEQ, "");
    }

    /** The label is not there. */
    public static LabelValues absent() {
        return of(Op.EQ, "");
    }

    public List<Term> terms() {
        return terms;
    }

    /** The values both sets allow. */
    public LabelValues and(LabelValues other) {
        List<Term> all = new ArrayList<>(terms);
        for (Term t : other.terms) {
            if (!all.contains(t)) {
                all.add(t);
            }
        }
        return new LabelValues(all);
    }

    /** Whether no value is in both sets (for certain); false when they share one or it cannot be decided. */
    public boolean disjoint(LabelValues other, Re2 engine) {
        return and(other).isEmpty(engine);
    }

    /** Whether no value satisfies every matcher (for certain), judged pair by pair. */
    public boolean isEmpty(Re2 engine) {
        for (int i = 0; i < terms.size(); i++) {
            for (int j = i; j < terms.size(); j++) {
                if (exclusive(terms.get(i), terms.get(j), engine)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelValues l && l.terms.equals(terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    @Override
    public String toString() {
        return terms.toString();
    }

    // ------------------------------------------------------------------ pairs

    /** Whether no value satisfies both matchers, for certain. */
    static boolean exclusive(Term a, Term b, Re2 engine) {
        if (a.negative() && b.negative()) {
            return false;
        }
        if (a.negative()) {
            return exclusive(b, a, engine);
        }
        if (a.op() == Op.EQ) {
            return switch (b.op()) {
                case EQ -> !a.value().equals(b.value());
                case NEQ -> a.value().equals(b.value());
                // On the automaton, not the backtracking engine: a hostile regex must not hang the check.
                case RE -> member(a.value(), b.value(), engine).map(m -> !m).orElse(false);
                case NRE -> member(a.value(), b.value(), engine).filter(m -> m).isPresent()
                        && compile(b.value(), engine).map(Compiled::exact).orElse(false);
            };
        }
        if (b.op() == Op.EQ) {
            return exclusive(b, a, engine);
        }
        if (b.op() == Op.NRE && a.value().equals(b.value())) {
            return Re2Syntax.problem(a.value()).isEmpty(); // `=~"re"` and `!~"re"`, however `re` reads
        }
        Optional<Compiled> x = compile(a.value(), engine);
        if (x.isEmpty()) {
            return false;
        }
        if (b.op() == Op.RE) {
            return compile(b.value(), engine).flatMap(y -> Nfa.intersects(x.get().nfa(), y.nfa())).map(i -> !i)
                    .orElse(false);
        }
        // a positive regex against a negative matcher: disjoint when every value of a is excluded.
        Optional<Compiled> outer = b.op() == Op.NEQ ? Optional.of(new Compiled(Nfa.literal(b.value()), true))
                : compile(b.value(), engine);
        if (outer.isEmpty() || !outer.get().exact()) {
            return false;
        }
        return Nfa.includes(outer.get().nfa(), x.get().nfa()).orElse(false);
    }

    /**
     * Whether {@code value} is in the automaton of {@code re}; the automaton may accept more than the
     * regex when it is not exact, so only a "no" is certain then. Empty when it cannot be built.
     */
    private static Optional<Boolean> member(String value, String re, Re2 engine) {
        return compile(re, engine).flatMap(c -> Nfa.intersects(Nfa.literal(value), c.nfa()));
    }

    static boolean includesEveryLine(String re, Re2 engine) {
        Optional<Compiled> c = compile(re, engine);
        if (c.isEmpty() || !c.get().exact()) {
            return false;
        }
        try {
            Nfa lines = Nfa.of(new Re2Tree.Repeat(new Re2Tree.Chars(CharRanges.NOT_NEWLINE), 0, -1));
            return Nfa.includes(c.get().nfa(), lines).orElse(false);
        } catch (Nfa.TooBig e) {
            return false;
        }
    }

    private record Compiled(Nfa nfa, boolean exact) {
    }

    private static Optional<Compiled> compile(String re, Re2 engine) {
        String key = engine.name() + ":" + re;
        Optional<Compiled> known = CACHE.get(key);
        if (known != null) {
            return known;
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        Optional<Compiled> c;
        if (Re2Syntax.problem(re).isPresent()) {
            c = Optional.empty();
        } else {
            try {
                Re2Tree tree = Re2Tree.parse(re, engine == Re2.PROMETHEUS);
                c = Optional.of(new Compiled(Nfa.of(tree.root()), tree.exact()));
            } catch (Nfa.TooBig | RuntimeException e) {
                // A tree too big to analyse, or a parse this reader got wrong: not analysed, so "may intersect".
                c = Optional.empty();
            }
        }
        CACHE.put(key, c);
        return c;
    }
}
