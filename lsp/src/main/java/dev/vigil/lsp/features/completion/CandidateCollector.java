package dev.vigil.lsp.features.completion;

import dev.vigil.grammar.VigilParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.PrecedencePredicateTransition;
import org.antlr.v4.runtime.atn.PredicateTransition;
import org.antlr.v4.runtime.atn.RuleStartState;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The tokens the grammar allows at a caret, each with the rule stacks it is expected under, found by walking
 * the parser's ATN over the tokens before the caret along every path (the idea of antlr4-c3, which is not on
 * Maven Central in a form that resolves). A stack lists rule indices from the start rule down to the rule
 * that would match the token, so a caller tells "a name after {@code severity}" from "a name after {@code to}".
 *
 * <p>Each rule entered at a token index with a precedence is walked once ({@link #memo}): its end positions
 * and the candidates it found below it are replayed under the caller's stack when it is entered the same way
 * again, so the walk stays close to linear in the tokens however ambiguous the prefix.
 */
final class CandidateCollector {
    private static final ATN ATN_ = VigilParser._ATN;
    /**
     * FIRST sets of each rule (with {@link Token#EPSILON} when it can match nothing), shared by every walk;
     * filled on first use, and two threads that both fill one write the same set.
     */
    private static final IntervalSet[] FIRST = new IntervalSet[VigilParser.ruleNames.length];

    /** A token the grammar allows at the caret, and one rule stack it is allowed under. */
    record Candidate(int token, List<Integer> stack) {
    }

    private record Key(int rule, int index, int precedence) {
    }

    private record Walked(Set<Integer> ends, List<Candidate> below) {
    }

    private final int[] tokens;
    private final int caret;
    private final Map<Key, Walked> memo = new HashMap<>();
    /** Rules being walked: entering one again at the same place would not consume anything, so it cannot help. */
    private final Set<Key> walking = new HashSet<>();
    private final Set<Candidate> found = new LinkedHashSet<>();
    /** Every candidate as it was found, repeats included: a rule's share is the part added while it was walked. */
    private final List<Candidate> emitted = new ArrayList<>();
    private final List<Integer> stack = new ArrayList<>();
    private final List<Integer> precedences = new ArrayList<>();

    /** {@code tokens}: the types of the default-channel tokens before the caret, from where {@code startRule} begins. */
    private CandidateCollector(int[] tokens) {
        this.tokens = tokens;
        this.caret = tokens.length;
    }

    /** The candidates at the end of {@code tokens}, when the tokens are parsed from {@code startRule}. */
    static Set<Candidate> collect(int startRule, int[] tokens) {
        CandidateCollector c = new CandidateCollector(tokens);
        c.precedences.add(0);
        c.rule(ATN_.ruleToStartState[startRule], 0, 0);
        return c.found;
    }

    /** Walks rule {@code start} from token {@code index}; returns where it can end (at the caret at most). */
    private Set<Integer> rule(RuleStartState start, int index, int precedence) {
        Key key = new Key(start.ruleIndex, index, precedence);
        Walked done = memo.get(key);
        if (done != null) {
            for (Candidate c : done.below()) {
                List<Integer> full = new ArrayList<>(stack);
                full.addAll(c.stack());
                emit(new Candidate(c.token(), List.copyOf(full)));
            }
            return done.ends();
        }
        if (index < caret) {
            // A rule that cannot start with the next token (and cannot be skipped) is not worth walking.
            IntervalSet first = FIRST[start.ruleIndex];
            if (first == null) {
                first = ATN_.nextTokens(start);
                FIRST[start.ruleIndex] = first;
            }
            if (!first.contains(Token.EPSILON) && !first.contains(tokens[index])) {
                memo.put(key, new Walked(Set.of(), List.of()));
                return Set.of();
            }
        }
        if (!walking.add(key)) {
            return Set.of();
        }
        stack.add(start.ruleIndex);
        boolean leftRecursive = start.isLeftRecursiveRule;
        if (leftRecursive) {
            precedences.add(precedence);
        }
        int depth = stack.size() - 1;
        int before = emitted.size();
        Set<Integer> ends = new LinkedHashSet<>();
        Set<Long> seen = new HashSet<>();
        List<long[]> pipeline = new ArrayList<>();
        pipeline.add(new long[] {start.stateNumber, index});
        while (!pipeline.isEmpty()) {
            long[] entry = pipeline.remove(pipeline.size() - 1);
            ATNState state = ATN_.states.get((int) entry[0]);
            int at = (int) entry[1];
            if (!seen.add(entry[0] << 32 | at)) {
                continue;
            }
            if (state.getStateType() == ATNState.RULE_STOP) {
                ends.add(at);
                continue;
            }
            boolean atCaret = at >= caret;
            for (int i = 0; i < state.getNumberOfTransitions(); i++) {
                Transition t = state.transition(i);
                switch (t.getSerializationType()) {
                    case Transition.RULE -> {
                        RuleTransition rt = (RuleTransition) t;
                        for (int end : rule((RuleStartState) rt.target, at, rt.precedence)) {
                            pipeline.add(new long[] {rt.followState.stateNumber, end});
                        }
                    }
                    case Transition.PREDICATE -> {
                        if (predicate((PredicateTransition) t, at)) {
                            pipeline.add(new long[] {t.target.stateNumber, at});
                        }
                    }
                    case Transition.PRECEDENCE -> {
                        if (((PrecedencePredicateTransition) t).precedence >= precedences.get(precedences.size() - 1)) {
                            pipeline.add(new long[] {t.target.stateNumber, at});
                        }
                    }
                    default -> {
                        if (t.isEpsilon()) {
                            pipeline.add(new long[] {t.target.stateNumber, at});
                            continue;
                        }
                        IntervalSet label = t.label();
                        if (label == null) {
                            continue;
                        }
                        if (t.getSerializationType() == Transition.NOT_SET || t.getSerializationType() == Transition.WILDCARD) {
                            label = IntervalSet.of(Token.MIN_USER_TOKEN_TYPE, ATN_.maxTokenType).subtract(
                                    t.getSerializationType() == Transition.WILDCARD ? new IntervalSet() : label);
                        }
                        if (atCaret) {
                            List<Integer> here = List.copyOf(stack);
                            for (int tokenType : label.toList()) {
                                emit(new Candidate(tokenType, here));
                            }
                        } else if (label.contains(tokens[at])) {
                            pipeline.add(new long[] {t.target.stateNumber, at + 1});
                        }
                    }
                }
            }
        }
        if (leftRecursive) {
            precedences.remove(precedences.size() - 1);
        }
        stack.remove(stack.size() - 1);
        walking.remove(key);
        Set<Candidate> below = new LinkedHashSet<>();
        for (Candidate c : emitted.subList(before, emitted.size())) {
            below.add(new Candidate(c.token(), List.copyOf(c.stack().subList(depth, c.stack().size()))));
        }
        memo.put(key, new Walked(Set.copyOf(ends), List.copyOf(below)));
        return ends;
    }

    private void emit(Candidate c) {
        emitted.add(c);
        found.add(c);
    }

    /**
     * The grammar's two semantic predicates: bare DSL words are metric names only in plain PromQL (never
     * in a .vigil file), and a {@code (} after {@code group_left} always opens its label list.
     */
    private boolean predicate(PredicateTransition t, int at) {
        if (t.ruleIndex == VigilParser.RULE_metricName) {
            return false;
        }
        if (t.ruleIndex == VigilParser.RULE_groupModifier) {
            return at >= caret || tokens[at] != VigilParser.LEFT_PAREN;
        }
        return true;
    }
}
