package dev.vigil.compiler.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.coverage.Coverage.Item;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.TestCoverage;
import dev.vigil.compiler.model.TestCoverage.Kind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The coverage of the aurigraph sample, counted by hand from its sources, and what each sample requires. */
class SampleCoverageCountTest {
    private static final Path SAMPLES = Path.of(System.getProperty("vigil.repo", "..")).resolve("samples");

    private static Project sample(String name) throws Exception {
        CompileResult r = Compiler.fromWorkingDirectory().check(List.of(SAMPLES.resolve(name).resolve("src/main/vigil")));
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    private static long points(Coverage c, Kind kind) {
        return c.points(Set.of(kind));
    }

    /**
     * samples/aurigraph, by hand:
     * <ul>
     * <li>alerts: 39. 27 read rates, directly or through the recording rules they compare, so each
     *     has fires, silent and no traffic: the 8 canary triggers (canary.vigil, 4 phases x error and
     *     latency), and in production.vigil ProductionDown, the error-rate (3), P95 (3), P99, success
     *     (2) and throughput (2) levels, ConnectionPoolTimeouts, the 4 gRPC alerts, WarningLogs and
     *     BuildSuccessRateLow: 27 x 3 = 81 points. 12 read gauges or ALERTS (ServiceDown, NodeDown,
     *     DatabaseUnreachable, RedisDisconnected, ConnectionPoolSaturated, HeapMemoryHigh,
     *     MemoryAboveBudget, CpuHigh, DiskUsageHigh and the 3 escalation steps): 12 x 2 = 24 points;
     * <li>routes (routing.vigil): 4 escalation routes, 2 each for p1 and p2, p3 and the default: 10
     *     points; 2 `inhibit`s: 2 points;
     * <li>recording rules: 3 in canary.vigil, 10 in production.vigil: 13 points;
     * <li>SLOs (slos.vigil): availability, latency_p95, latency_p99 and error_rate, each paging and
     *     ticketing (two burn-rate alerts, both over rates): 4 x 2 x 3 = 24 points; events and latency
     *     SLIs, so Vigil generates all four scenarios of each.
     * </ul>
     * 105 + 10 + 2 + 13 + 24 = 154, every one met.
     */
    @Test
    void aurigraphMatchesTheHandCount() throws Exception {
        Coverage c = Coverages.of(sample("aurigraph"));
        assertEquals(105, points(c, Kind.ALERTS));
        assertEquals(10, points(c, Kind.ROUTES));
        assertEquals(2, points(c, Kind.INHIBITIONS));
        assertEquals(13, points(c, Kind.RECORDING_RULES));
        assertEquals(24, points(c, Kind.SLOS));
        assertEquals(154, c.points(EnumSet.allOf(Kind.class)));
        assertEquals(154, c.covered(EnumSet.allOf(Kind.class)));

        Item idle = c.items().stream().filter(i -> i.name().equals("AurigraphCanaryPhase1ErrorRateHigh")).findFirst().orElseThrow();
        assertEquals(List.of("an idle canary triggers no rollback"),
                idle.point(Coverage.NO_TRAFFIC).by().stream().map(Coverage.Witness::test).toList());
        assertEquals(List.of("http_requests_total"), idle.rateInputs());
        for (Item slo : c.of(Set.of(Kind.SLOS))) {
            assertEquals(List.of("fast burn", "slow burn", "zero traffic", "recovery"), slo.scenarios(), slo.name());
            assertEquals(6, slo.points().size(), slo.name());
        }
        List<String> routes = c.of(Set.of(Kind.ROUTES)).stream().map(Item::name).toList();
        assertEquals(List.of("route escalation = \"manager\" to manager_pager", "route escalation = \"director\" to director_pager",
                "route escalation = \"vp\" to vp_pager", "route escalation = \"vp\" to war_room",
                "route severity = \"p1\" to p1_pager", "route severity = \"p1\" to vp_engineering",
                "route severity = \"p2\" to p2_pager", "route severity = \"p2\" to tech_lead",
                "route severity = \"p3\" to sre_slack", "route default to ticket_queue"), routes);
    }

    /** Each sample asks for every point in its settings, and meets it. */
    @Test
    void everySampleRequiresAndReachesFullCoverage() throws Exception {
        for (String name : List.of("aetherlink", "aurigraph", "crm-events", "dwcp", "fleet", "vaultmesh")) {
            Project p = sample(name);
            TestCoverage required = p.settings().testCoverage();
            assertEquals(BigDecimal.valueOf(100), required.minimumPercent(), name);
            assertEquals(EnumSet.allOf(Kind.class), required.kinds(), name);
            Coverage c = Coverages.of(p);
            assertTrue(c.meets(required), () -> name + ":\n" + CoverageReports.text(c, required));
            assertEquals(List.of(), Uncovered.diagnostics(c, required), name);
        }
    }
}
