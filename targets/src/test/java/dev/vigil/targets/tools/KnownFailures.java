package dev.vigil.targets.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * The (matrix entry, subject) pairs a test class lists as failing for a known reason, each with a
 * {@code // BUG:} comment at its place in the list. A listed pair must still fail: once it passes,
 * its test fails and asks for it to be removed, so the list cannot outlive the bug.
 */
public final class KnownFailures {
    /** {@code entry} is a matrix entry's name ({@code sid}); {@code subject} is what the test names (a project). */
    public record Known(String entry, String subject) {
    }

    private KnownFailures() {
    }

    /**
     * Asserts that {@code subject} has no failures on {@code entry}, or, when {@code known} lists the
     * pair, that it still has some (printed, so the run shows them).
     */
    public static void check(List<Known> known, ToolMatrix.Entry entry, String subject, List<String> failures) {
        if (known.contains(new Known(entry.name(), subject))) {
            assertTrue(!failures.isEmpty(), subject + " now passes on " + entry.label()
                    + ": remove it from the known failures of this test class");
            System.out.println("KNOWN FAILURE on " + entry.label() + ": " + subject + ":\n" + String.join("\n", failures));
            return;
        }
        assertTrue(failures.isEmpty(), subject + " on " + entry.label() + ":\n" + String.join("\n", failures));
    }
}
