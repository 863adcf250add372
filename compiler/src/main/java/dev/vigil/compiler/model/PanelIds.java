package dev.vigil.compiler.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Panel ids derived from panel names, not from positions: adding or moving a panel does not change
 * the other panels' ids, so links such as {@code ?viewPanel=ID} in runbooks and alerts stay valid.
 * Rows are keyed by their title. In the rare case two keys hash alike, the later one in layout order
 * takes the next free id.
 */
public final class PanelIds {
    private PanelIds() {
    }

    /** Every panel's id by panel name, for emitters that link to a panel. */
    public static Map<String, Integer> of(Dashboard dashboard) {
        Map<String, Integer> out = new LinkedHashMap<>();
        assign(dashboard).forEach((key, id) -> {
            if (key.startsWith("panel:")) {
                out.put(key.substring("panel:".length()), id);
            }
        });
        return out;
    }

    /** Ids for every grid item in layout order, keyed {@code row:TITLE#N} and {@code panel:NAME}. */
    public static Map<String, Integer> assign(Dashboard dashboard) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        Set<Integer> taken = new HashSet<>();
        Map<String, Integer> rowTitles = new LinkedHashMap<>();
        for (Dashboard.Row row : dashboard.rows()) {
            if (row.title() != null) {
                int n = rowTitles.merge(row.title(), 1, Integer::sum);
                String key = rowKey(row.title(), n);
                ids.put(key, free(hash(key), taken));
            }
            for (Dashboard.Panel p : row.panels()) {
                String key = "panel:" + p.name();
                ids.put(key, free(hash(key), taken));
            }
        }
        return ids;
    }

    public static String rowKey(String title, int occurrence) {
        return "row:" + title + "#" + occurrence;
    }

    private static int free(int id, Set<Integer> taken) {
        int candidate = id;
        while (!taken.add(candidate)) {
            candidate = candidate == Integer.MAX_VALUE ? 1 : candidate + 1;
        }
        return candidate;
    }

    /** 1 to 2^31-1 from SHA-256, which spreads short, similar names evenly, unlike String.hashCode. */
    static int hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            int v = ((d[0] & 0x7f) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
            return v == 0 ? 1 : v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
