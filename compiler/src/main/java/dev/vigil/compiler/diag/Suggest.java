package dev.vigil.compiler.diag;

import java.util.Collection;

/** "Did you mean" suggestions: the closest known name within a small edit distance. */
public final class Suggest {
    private Suggest() {
    }

    public static String closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Math.max(2, name.length() / 3) + 1;
        // Sorted, so that ties always resolve to the same suggestion.
        for (String k : new java.util.TreeSet<>(known)) {
            if (k.equals(name) || Math.abs(k.length() - name.length()) >= bestDistance) {
                continue;
            }
            int d = distance(name, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each cost 1. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
