package dev.vigil.compiler.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which code points a case-insensitive match may equate: the classes of the relation "one is the
 * other's upper, lower or title case", closed transitively. This is at least as wide as RE2's
 * simple case folding orbits and Java's {@code CASE_INSENSITIVE | UNICODE_CASE} comparison, which
 * is what a sound over-approximation needs. Computed once, on first use.
 */
final class CaseFolding {
    private static volatile Tables tables;

    private CaseFolding() {
    }

    private record Tables(int[] foldable, Map<Integer, int[]> orbits) {
    }

    /** Every code point whose class has more than one member, sorted. */
    static int[] foldable() {
        return tables().foldable;
    }

    /** The class of {@code c}, itself included. */
    static int[] orbit(int c) {
        int[] o = tables().orbits.get(c);
        return o == null ? new int[] {c} : o;
    }

    private static Tables tables() {
        Tables t = tables;
        if (t == null) {
            t = build();
            tables = t;
        }
        return t;
    }

    private static Tables build() {
        Map<Integer, Integer> parent = new HashMap<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            int u = Character.toUpperCase(c);
            int l = Character.toLowerCase(c);
            int t = Character.toTitleCase(c);
            if (u != c || l != c || t != c) {
                link(parent, c, u);
                link(parent, c, l);
                link(parent, c, t);
            }
        }
        Map<Integer, List<Integer>> classes = new HashMap<>();
        for (int c : parent.keySet()) {
            classes.computeIfAbsent(find(parent, c), k -> new ArrayList<>()).add(c);
        }
        Map<Integer, int[]> orbits = new HashMap<>();
        for (List<Integer> members : classes.values()) {
            int[] sorted = members.stream().mapToInt(Integer::intValue).sorted().toArray();
            for (int c : sorted) {
                orbits.put(c, sorted);
            }
        }
        int[] foldable = orbits.keySet().stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(foldable);
        return new Tables(foldable, orbits);
    }

    private static void link(Map<Integer, Integer> parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent.put(ra, rb);
        }
    }

    private static int find(Map<Integer, Integer> parent, int c) {
        int r = c;
        Integer p;
        while ((p = parent.get(r)) != null && p != r) {
            r = p;
        }
        parent.putIfAbsent(c, c);
        parent.putIfAbsent(r, r);
        // Path compression keeps later finds short.
        int x = c;
        while (x != r) {
            int next = parent.get(x);
            parent.put(x, r);
            x = next;
        }
        return r;
    }
}
