package dev.vigil.compiler.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of Unicode code points as sorted, disjoint, non-adjacent ranges {@code [lo0, hi0, lo1, hi1,
 * ...]}. Immutable: every operation returns a new set.
 */
record CharRanges(int[] bounds) {
    static final int MAX = Character.MAX_CODE_POINT;
    static final CharRanges ALL = new CharRanges(new int[] {0, MAX});
    static final CharRanges NOT_NEWLINE = new CharRanges(new int[] {0, '\n' - 1, '\n' + 1, MAX});

    static CharRanges of(int... pairs) {
        return normalize(pairs.clone());
    }

    static CharRanges single(int c) {
        return new CharRanges(new int[] {c, c});
    }

    boolean contains(int c) {
        int i = Arrays.binarySearch(bounds, c);
        // Found: c is a bound, hence inside. Else the insertion point is odd exactly when c lies inside a range.
        return i >= 0 || ((-i - 1) & 1) == 1;
    }

    CharRanges union(CharRanges other) {
        int[] all = Arrays.copyOf(bounds, bounds.length + other.bounds.length);
        System.arraycopy(other.bounds, 0, all, bounds.length, other.bounds.length);
        return normalize(all);
    }

    CharRanges negate() {
        List<Integer> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] > next) {
                out.add(next);
                out.add(bounds[i] - 1);
            }
            next = bounds[i + 1] + 1;
        }
        if (next <= MAX) {
            out.add(next);
            out.add(MAX);
        }
        return new CharRanges(out.stream().mapToInt(Integer::intValue).toArray());
    }

    /** This set and every code point that a case-insensitive match can equate with one of its members. */
    CharRanges folded() {
        int[] members = CaseFolding.foldable();
        List<Integer> extra = new ArrayList<>();
        for (int c : members) {
            if (contains(c)) {
                for (int o : CaseFolding.orbit(c)) {
                    extra.add(o);
                    extra.add(o);
                }
            }
        }
        return extra.isEmpty() ? this : union(normalize(extra.stream().mapToInt(Integer::intValue).toArray()));
    }

    boolean isEmpty() {
        return bounds.length == 0;
    }

    /** Sorts and merges overlapping or adjacent pairs. */
    private static CharRanges normalize(int[] pairs) {
        int n = pairs.length / 2;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) pairs[2 * i] << 32) | (pairs[2 * i + 1] & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        int[] out = new int[2 * n];
        int k = 0;
        for (long p : packed) {
            int lo = (int) (p >>> 32);
            int hi = (int) p;
            if (k > 0 && lo <= out[k - 1] + 1) {
                out[k - 1] = Math.max(out[k - 1], hi);
            } else {
                out[k++] = lo;
                out[k++] = hi;
            }
        }
        return new CharRanges(Arrays.copyOf(out, k));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharRanges c && Arrays.equals(bounds, c.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        return Arrays.toString(bounds);
    }
}
