package dev.vigil.lsp.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Compiles on one background thread, the latest snapshot winning. Requests that arrive while a
 * compilation runs are merged into one pending job (the union of their projects, the newest snapshot);
 * a compilation that finishes after a newer request arrived is dropped, never published, and its
 * projects are compiled again with the newer text. So results reach listeners in generation order, and
 * only for the newest generation at the time they are done.
 */
public final class CompileScheduler implements AutoCloseable {
    /** Told of each compilation that is published, on the compile thread, one at a time. */
    public interface Listener {
        /**
         * {@code compiled} are the projects compiled this time; {@code removed} those that no longer
         * exist; {@code priority} is the document edited, whose findings should go out first.
         */
        void compiled(Compilation compilation, Set<Project> compiled, Set<Project> removed, Optional<Path> priority);
    }

    private record Job(Snapshot snapshot, Set<Project> projects, Optional<Path> priority) {
        Job merged(Job newer) {
            Set<Project> all = new LinkedHashSet<>(projects);
            all.addAll(newer.projects);
            return new Job(newer.snapshot, all, newer.priority.isPresent() ? newer.priority : priority);
        }
    }

    private record Waiter(long generation, CompletableFuture<Compilation> future) {
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigil-lsp-compile");
        t.setDaemon(true);
        return t;
    });
    private final List<Listener> listeners = new ArrayList<>();
    private final ServerLog log;
    private final Object lock = new Object();
    private Job pending;
    private final List<Waiter> waiters = new ArrayList<>();
    private volatile Compilation latest = Compilation.NONE;
    /** The newest compilation whose findings the listeners have published: what a waiter may read. */
    private Compilation published = Compilation.NONE;

    public CompileScheduler(ServerLog log) {
        this.log = log;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** The newest compilation published. */
    public Compilation latest() {
        return latest;
    }

    /** Compiles every project of {@code snapshot}. */
    public void compileAll(Snapshot snapshot) {
        submit(new Job(snapshot, new LinkedHashSet<>(snapshot.projects()), Optional.empty()));
    }

    /**
     * Compiles what a change of {@code file} touches: the project that holds it and any that imported it,
     * with its findings published first.
     */
    public void compileFor(Snapshot snapshot, Path file) {
        Set<Project> touched = new LinkedHashSet<>();
        snapshot.projectOf(file).ifPresent(touched::add);
        for (ProjectResult r : latest.results()) {
            if (r.files().contains(file) && snapshot.projects().contains(r.project())) {
                touched.add(r.project());
            }
        }
        submit(new Job(snapshot, touched, Optional.of(file)));
    }

    /** Completes with the first published compilation of {@code generation} or a later one. */
    public CompletableFuture<Compilation> awaitGeneration(long generation) {
        synchronized (lock) {
            if (published.generation() >= generation) {
                return CompletableFuture.completedFuture(published);
            }
            CompletableFuture<Compilation> f = new CompletableFuture<>();
            waiters.add(new Waiter(generation, f));
            return f;
        }
    }

    private void submit(Job job) {
        synchronized (lock) {
            if (pending != null) {
                pending = pending.merged(job);
                return;
            }
            pending = job;
        }
        try {
            worker.execute(this::runPending);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // After shutdown the client may still send a notification or two: nothing compiles any more.
            synchronized (lock) {
                pending = null;
            }
        }
    }

    private void runPending() {
        Job job;
        synchronized (lock) {
            job = pending;
            pending = null;
        }
        if (job == null) {
            return;
        }
        Compilation base = latest;
        Map<Project, ProjectResult> results = new java.util.LinkedHashMap<>();
        Set<Project> current = new LinkedHashSet<>(job.snapshot().projects());
        Set<Project> removed = new LinkedHashSet<>(base.byProject().keySet());
        removed.removeAll(current);
        Set<Project> compiled = new LinkedHashSet<>();
        for (Project p : current) {
            ProjectResult before = base.byProject().get(p);
            if (before != null && !job.projects().contains(p)) {
                results.put(p, before);
                continue;
            }
            results.put(p, compileOne(p, job.snapshot()));
            compiled.add(p);
        }
        Compilation next = new Compilation(job.snapshot().generation(), results);
        List<CompletableFuture<Compilation>> done = new ArrayList<>();
        synchronized (lock) {
            if (pending != null) {
                // A newer edit arrived while this ran: its job compiles these projects again, with its text.
                pending = job.merged(pending);
                return;
            }
            latest = next;
        }
        for (Listener l : listeners) {
            try {
                l.compiled(next, compiled, removed, job.priority());
            } catch (RuntimeException e) {
                log.internal("Publishing the results of a compilation failed", e);
            }
        }
        // Waiters are answered once the findings are out, so one that reads them sees them.
        synchronized (lock) {
            published = next;
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
                Waiter w = it.next();
                if (w.generation() <= next.generation()) {
                    done.add(w.future());
                    it.remove();
                }
            }
        }
        done.forEach(f -> f.complete(next));
    }

    private ProjectResult compileOne(Project p, Snapshot snapshot) {
        Map<Path, dev.vigil.lsp.text.TextDocument> open = new HashMap<>(snapshot.open());
        try {
            return ProjectCompiler.compile(p, open, snapshot.settings().compileOptions());
        } catch (RuntimeException | StackOverflowError e) {
            log.internal("Compiling " + p.input() + " failed", e);
            return ProjectCompiler.failed(p, "compiling failed: " + e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            waiters.forEach(w -> w.future().cancel(false));
            waiters.clear();
        }
    }
}
