package dev.vigil.compiler.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The threads a large project's work is spread over: parsing, checks and emitters. Results are always
 * taken back in a fixed order, so the output never depends on the number of cores or on timing.
 */
public final class Workers {
    private Workers() {
    }

    /** The system property that sets the number of workers; by default, the cores this process may use. */
    public static final String PROPERTY = "vigil.workers";

    /** How many threads a stage may spread over: {@value #PROPERTY} if set, else the available cores. */
    public static int cores() {
        return Math.max(1, Integer.getInteger(PROPERTY, Runtime.getRuntime().availableProcessors()));
    }

    /** A fixed pool of {@code threads} daemon threads called {@code name}: a pool left behind never keeps the JVM alive. */
    public static ExecutorService pool(String name, int threads) {
        return Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The task's result, or what it threw, rethrown as it was: a check's bug stays that check's bug. */
    public static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
