package dev.vigil.benchmarks;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.catalogue.CatalogueEmitter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The catalogue emitter alone ({@code site/} and {@code mkdocs/} into memory) on generated fleets of about
 * {@code ALERTS} alerts each: the compilation is not timed. Each size is emitted {@code RUNS} times after a
 * warm-up on a fleet of 100 services; the median and fastest wall time and the median CPU time of the emitting thread
 * (the emitter runs on one thread) are printed with the files and bytes written and the largest alert page. A measurement to read, not a test: run it on a quiet machine.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.vigil.benchmarks.CatalogueTiming [--runs N] ALERTS...}
 */
public final class CatalogueTiming {
    static final String BASE_URL = "https://catalogue.example.com/";

    private CatalogueTiming() {
    }

    /** One size's measurement. */
    record Measurement(int services, int alerts, int files, long bytes, long largestAlertPage, List<Long> millis,
            List<Long> cpuMillis) {
        long median() {
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }

        long fastest() {
            return Collections.min(millis);
        }

        /** The median CPU time of the emitting thread: what the work costs, whatever else the machine runs. */
        long medianCpu() {
            List<Long> sorted = new ArrayList<>(cpuMillis);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }
    }

    /** The generated fleet of {@code services} services, compiled with its catalogue at {@link #BASE_URL}. */
    static Project fleet(int services) {
        CompileResult r = Compiler.compile(ProjectGenerator.generate(services, ProjectGenerator.SEED).templated(),
                CompileOptions.DEFAULT.withCatalogue(BASE_URL));
        if (r.hasErrors()) {
            throw new IllegalStateException("the fleet must compile: " + r.diagnostics().get(0));
        }
        return r.project().orElseThrow();
    }

    static int alerts(Project project) {
        return (int) project.services().stream().flatMap(s -> s.groups().stream()).flatMap(g -> g.rules().stream())
                .filter(Rule.Alert.class::isInstance).count();
    }

    /** {@code runs} emissions of the catalogue of {@code project}, each into a new in-memory manifest. */
    static Measurement measure(int services, Project project, int runs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Long> millis = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        OutputManifest out = null;
        for (int i = 0; i < runs; i++) {
            out = new OutputManifest();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            new CatalogueEmitter().emit(project, EmitSettings.DEFAULT, out);
            millis.add((System.nanoTime() - start) / 1_000_000);
            cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
        }
        long bytes = 0;
        long largest = 0;
        for (var f : out.files().entrySet()) {
            bytes += f.getValue().length;
            if (f.getKey().startsWith("site/alerts/")) {
                largest = Math.max(largest, f.getValue().length);
            }
        }
        return new Measurement(services, alerts(project), out.files().size(), bytes, largest, millis, cpu);
    }

    public static void main(String[] args) {
        int runs = 3;
        List<Integer> targets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs") && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else {
                targets.add(Integer.parseInt(args[i]));
            }
        }
        if (targets.isEmpty() || runs < 1) {
            System.err.println("usage: CatalogueTiming [--runs N] ALERTS...");
            System.exit(2);
        }
        // The warm-up: 100 services (about 1,400 alerts) three times, so the first size is not timed while JIT compiles.
        Project small = fleet(100);
        double perService = alerts(small) / 100.0;
        measure(100, small, 3);
        System.out.println("| alerts | services | files | MB | largest alert page KB | median s | fastest s | median CPU s | CPU ms per alert |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int target : targets) {
            int services = Math.max(1, (int) Math.round(target / perService));
            Measurement m = measure(services, fleet(services), runs);
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %.1f | %.1f | %.2f | %.2f | %.2f | %.3f |%n", m.alerts(),
                    m.services(), m.files(), m.bytes() / 1e6, m.largestAlertPage() / 1024.0, m.median() / 1e3,
                    m.fastest() / 1e3, m.medianCpu() / 1e3, (double) m.medianCpu() / m.alerts());
        }
    }
}
