package dev.vigil.compiler.regex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A nondeterministic automaton over code points (Thompson's construction), with the two questions
 * the checks ask of a pair: do they accept a common string (a product, searched breadth first, no
 * determinisation), and does one accept every string the other does (the other's states against
 * subsets of this one's, built lazily). Both give up, answering empty, past a size limit rather
 * than take long: callers then assume the worst.
 */
final class Nfa {
    /** More states than any label regex needs; past it the regex is not analysed. */
    static final int STATE_LIMIT = 20_000;
    /** Pairs of states a search may visit before it gives up. */
    static final int SEARCH_LIMIT = 400_000;

    private final List<int[]> eps = new ArrayList<>();
    /** Per state, edges as {@code lo, hi, to} triples. */
    private final List<int[]> edges = new ArrayList<>();
    private int start;
    private int accept;

    static final class TooBig extends Exception {
        TooBig() {
            super("too big", null, false, false);
        }
    }

    private Nfa() {
    }

    /** The automaton of a tree; throws {@link TooBig} past {@link #STATE_LIMIT} states. */
    static Nfa of(Re2Tree.Node root) throws TooBig {
        Nfa n = new Nfa();
        int[] f = n.build(root);
        n.start = f[0];
        n.accept = f[1];
        return n;
    }

    /** The automaton that accepts exactly {@code s}. */
    static Nfa literal(String s) {
        Nfa n = new Nfa();
        int at = n.state();
        n.start = at;
        for (int cp : s.codePoints().toArray()) {
            int next = n.state();
            n.edge(at, cp, cp, next);
            at = next;
        }
        n.accept = at;
        return n;
    }

    // ------------------------------------------------------------------ construction

    private int state() {
        eps.add(new int[0]);
        edges.add(new int[0]);
        return eps.size() - 1;
    }

    private void epsilon(int from, int to) {
        int[] old = eps.get(from);
        int[] now = java.util.Arrays.copyOf(old, old.length + 1);
        now[old.length] = to;
        eps.set(from, now);
    }

    private void edge(int from, int lo, int hi, int to) {
        int[] old = edges.get(from);
        int[] now = java.util.Arrays.copyOf(old, old.length + 3);
        now[old.length] = lo;
        now[old.length + 1] = hi;
        now[old.length + 2] = to;
        edges.set(from, now);
    }

    /** A fragment {@code {start, end}} accepting the node's strings. */
    private int[] build(Re2Tree.Node node) throws TooBig {
        if (eps.size() > STATE_LIMIT) {
            throw new TooBig();
        }
        if (node instanceof Re2Tree.Chars c) {
            int s = state();
            int e = state();
            int[] b = c.set().bounds();
            for (int i = 0; i < b.length; i += 2) {
                edge(s, b[i], b[i + 1], e);
            }
            return new int[] {s, e};
        }
        if (node instanceof Re2Tree.Assert) {
            int s = state();
            return new int[] {s, s}; // widened to the empty string
        }
        if (node instanceof Re2Tree.Concat c) {
            int s = state();
            int at = s;
            for (Re2Tree.Node item : c.items()) {
                int[] f = build(item);
                epsilon(at, f[0]);
                at = f[1];
            }
            return new int[] {s, at};
        }
        if (node instanceof Re2Tree.Alt a) {
            int s = state();
            int e = state();
            for (Re2Tree.Node b : a.branches()) {
                int[] f = build(b);
                epsilon(s, f[0]);
                epsilon(f[1], e);
            }
            return new int[] {s, e};
        }
        Re2Tree.Repeat r = (Re2Tree.Repeat) node;
        int s = state();
        int at = s;
        for (int i = 0; i < r.min(); i++) {
            int[] f = build(r.node());
            epsilon(at, f[0]);
            at = f[1];
        }
        int e = state();
        if (r.max() < 0) {
            int[] f = build(r.node());
            epsilon(at, f[0]);
            epsilon(f[1], at);
            epsilon(at, e);
            return new int[] {s, e};
        }
        for (int i = r.min(); i < r.max(); i++) {
            epsilon(at, e);
            int[] f = build(r.node());
            epsilon(at, f[0]);
            at = f[1];
        }
        epsilon(at, e);
        return new int[] {s, e};
    }

    // ------------------------------------------------------------------ questions

    /** Whether some string is accepted by both; empty when the search is too big. */
    static Optional<Boolean> intersects(Nfa a, Nfa b) {
        int nb = b.eps.size();
        Set<Long> seen = new HashSet<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        long first = (long) a.start * nb + b.start;
        seen.add(first);
        queue.add(first);
        while (!queue.isEmpty()) {
            long key = queue.poll();
            int p = (int) (key / nb);
            int q = (int) (key % nb);
            if (p == a.accept && q == b.accept) {
                return Optional.of(true);
            }
            List<Long> next = new ArrayList<>();
            for (int p2 : a.eps.get(p)) {
                next.add((long) p2 * nb + q);
            }
            for (int q2 : b.eps.get(q)) {
                next.add((long) p * nb + q2);
            }
            int[] ea = a.edges.get(p);
            int[] eb = b.edges.get(q);
            for (int i = 0; i < ea.length; i += 3) {
                for (int j = 0; j < eb.length; j += 3) {
                    if (ea[i] <= eb[j + 1] && eb[j] <= ea[i + 1]) {
                        next.add((long) ea[i + 2] * nb + eb[j + 2]);
                    }
                }
            }
            for (long n : next) {
                if (seen.add(n)) {
                    if (seen.size() > SEARCH_LIMIT) {
                        return Optional.empty();
                    }
                    queue.add(n);
                }
            }
        }
        return Optional.of(false);
    }

    /**
     * Whether every string {@code inner} accepts is accepted by {@code outer}; empty when the search
     * is too big. {@code outer} must accept exactly its language (a widened one would make the
     * answer unsound), {@code inner} may accept more than its own.
     */
    static Optional<Boolean> includes(Nfa outer, Nfa inner) {
        Map<BitSet, Integer> ids = new HashMap<>();
        List<BitSet> sets = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        ArrayDeque<long[]> queue = new ArrayDeque<>();
        BitSet s0 = outer.closure(List.of(outer.start));
        int id0 = intern(ids, sets, s0);
        seen.add(((long) inner.start << 32) | id0);
        queue.add(new long[] {inner.start, id0});
        while (!queue.isEmpty()) {
            long[] item = queue.poll();
            int p = (int) item[0];
            BitSet set = sets.get((int) item[1]);
            if (p == inner.accept && !set.get(outer.accept)) {
                return Optional.of(false);
            }
            List<long[]> next = new ArrayList<>();
            for (int p2 : inner.eps.get(p)) {
                next.add(new long[] {p2, item[1]});
            }
            int[] ei = inner.edges.get(p);
            for (int i = 0; i < ei.length; i += 3) {
                for (BitSet target : outer.steps(set, ei[i], ei[i + 1])) {
                    next.add(new long[] {ei[i + 2], intern(ids, sets, target)});
                }
            }
            for (long[] n : next) {
                if (seen.add((n[0] << 32) | n[1])) {
                    if (seen.size() > SEARCH_LIMIT) {
                        return Optional.empty();
                    }
                    queue.add(n);
                }
            }
        }
        return Optional.of(true);
    }

    /** Whether the automaton accepts {@code s}: a direct simulation, for tests. */
    boolean accepts(String s) {
        BitSet at = closure(List.of(start));
        for (int cp : s.codePoints().toArray()) {
            at = closure(targets(at, cp));
        }
        return at.get(accept);
    }

    private static int intern(Map<BitSet, Integer> ids, List<BitSet> sets, BitSet s) {
        Integer id = ids.get(s);
        if (id == null) {
            id = sets.size();
            ids.put(s, id);
            sets.add(s);
        }
        return id;
    }

    /** The closed sets of states reached from {@code from} on the characters {@code lo..hi}, one per piece of the range that behaves alike. */
    private List<BitSet> steps(BitSet from, int lo, int hi) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(lo);
        for (int s = from.nextSetBit(0); s >= 0; s = from.nextSetBit(s + 1)) {
            int[] e = edges.get(s);
            for (int i = 0; i < e.length; i += 3) {
                if (e[i] <= hi && lo <= e[i + 1]) {
                    cuts.add(Math.max(e[i], lo));
                    if (e[i + 1] < hi) {
                        cuts.add(e[i + 1] + 1);
                    }
                }
            }
        }
        List<BitSet> out = new ArrayList<>();
        for (int c : cuts) {
            out.add(closure(targets(from, c)));
        }
        return out;
    }

    /** The states the edges out of {@code from} lead to on the character {@code c}. */
    private List<Integer> targets(BitSet from, int c) {
        List<Integer> out = new ArrayList<>();
        for (int s = from.nextSetBit(0); s >= 0; s = from.nextSetBit(s + 1)) {
            int[] e = edges.get(s);
            for (int i = 0; i < e.length; i += 3) {
                if (e[i] <= c && c <= e[i + 1]) {
                    out.add(e[i + 2]);
                }
            }
        }
        return out;
    }

    private BitSet closure(List<Integer> from) {
        BitSet out = new BitSet();
        ArrayDeque<Integer> stack = new ArrayDeque<>(from);
        while (!stack.isEmpty()) {
            int s = stack.pop();
            if (!out.get(s)) {
                out.set(s);
                for (int t : eps.get(s)) {
                    stack.push(t);
                }
            }
        }
        return out;
    }
}
