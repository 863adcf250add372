package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every alert page of every seed sample stays within the 40 KB budget, chart, tables and emitted rule included. */
class AlertPageSizeTest {
    private static final int BUDGET = 40 * 1024;

    @Test
    void everyAlertPageIsAtMost40KB() {
        String largest = null;
        int largestSize = 0;
        int pages = 0;
        List<String> over = new ArrayList<>();
        for (String name : AlertSamples.SEEDS) {
            for (Map.Entry<String, byte[]> f : AlertSamples.seed(name).files().entrySet()) {
                if (!f.getKey().startsWith("site/alerts/") || !f.getKey().endsWith("/index.html")) {
                    continue;
                }
                pages++;
                int size = f.getValue().length;
                if (size > largestSize) {
                    largestSize = size;
                    largest = name + "/" + f.getKey();
                }
                if (size > BUDGET) {
                    over.add(name + "/" + f.getKey() + ": " + size + " bytes");
                }
            }
        }
        System.out.println(pages + " alert pages; the largest is " + largest + " at " + largestSize + " bytes");
        assertTrue(pages > 100, "only " + pages + " alert pages");
        assertTrue(over.isEmpty(), "alert pages over " + BUDGET + " bytes: " + over);
        // The same pages as MkDocs Markdown keep to the budget too.
        for (String name : AlertSamples.SEEDS) {
            for (Map.Entry<String, byte[]> f : AlertSamples.seed(name).files().entrySet()) {
                if (f.getKey().startsWith("mkdocs/docs/alerts/")) {
                    assertTrue(f.getValue().length <= BUDGET, name + "/" + f.getKey() + " is " + f.getValue().length + " bytes");
                }
            }
        }
    }
}
