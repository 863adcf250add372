window.VIGIL_SEARCH = [ {
  "name" : "AurigraphCanaryPhase1ErrorRateHigh",
  "path" : "alerts/aurigraphcanaryphase1errorratehigh/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Canary error rate {{ $value | humanizePercentage }} is above 1% in phase 1: roll back",
  "aliases" : [ ]
}, {
  "name" : "AurigraphCanaryPhase1LatencyHigh",
  "path" : "alerts/aurigraphcanaryphase1latencyhigh/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Canary P95 latency {{ $value | humanizeDuration }} is above 0.5s in phase 1: roll back",
  "aliases" : [ ]
}, {
  "name" : "AurigraphCanaryPhase2ErrorRateHigh",
  "path" : "alerts/aurigraphcanaryphase2errorratehigh/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Canary error rate {{ $value | humanizePercentage }} is above 0.5% in phase 2: roll back",
  "aliases" : [ ]
}, {
  "name" : "AurigraphCanaryPhase2LatencyHigh",
  "path" : "alerts/aurigraphcanaryphase2latencyhigh/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Canary P95 latency {{ $value | humanizeDuration }} is above 0.3s in phase 2: roll back",
  "aliases" : [ ]
}, {
  "name" : "AurigraphCanaryPhase3ErrorRateHigh",
  "path" : "alerts/aurigraphcanaryphase3errorratehigh/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Canary error rate {{ $value | humanizePercentage }} is above 0.5% in phase 3: roll back",
  "aliases" : [ ]
}, {
  "name" : "AurigraphCanaryPhase3LatencyHigh",
  "path" : "alerts/aurigraphcanaryphase3latencyhigh/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Canary P95 latency {{ $value | humanizeDuration }} is above 0.3s in phase 3: roll back",
  "aliases" : [ ]
}, {
  "name" : "AurigraphCanaryPhase4ErrorRateHigh",
  "path" : "alerts/aurigraphcanaryphase4errorratehigh/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Canary error rate {{ $value | humanizePercentage }} is above 0.1% in phase 4: roll back",
  "aliases" : [ ]
}, {
  "name" : "AurigraphCanaryPhase4LatencyHigh",
  "path" : "alerts/aurigraphcanaryphase4latencyhigh/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Canary P95 latency {{ $value | humanizeDuration }} is above 0.2s in phase 4: roll back",
  "aliases" : [ ]
}, {
  "name" : "AurigraphEscalateManager",
  "path" : "alerts/aurigraphescalatemanager/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p1",
  "summary" : "{{ $labels.escalated }} has fired for 5m: escalating to the manager",
  "aliases" : [ ]
}, {
  "name" : "AurigraphEscalateDirector",
  "path" : "alerts/aurigraphescalatedirector/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p1",
  "summary" : "{{ $labels.escalated }} has fired for 15m: escalating to the director",
  "aliases" : [ ]
}, {
  "name" : "AurigraphEscalateVp",
  "path" : "alerts/aurigraphescalatevp/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p1",
  "summary" : "{{ $labels.escalated }} has fired for 30m: escalating to the vp",
  "aliases" : [ ]
}, {
  "name" : "AurigraphServiceDown",
  "path" : "alerts/aurigraphservicedown/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p1",
  "summary" : "No Aurigraph instance is up",
  "aliases" : [ ]
}, {
  "name" : "AurigraphProductionDown",
  "path" : "alerts/aurigraphproductiondown/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p1",
  "summary" : "Aurigraph answers no request successfully (0% success rate)",
  "aliases" : [ ]
}, {
  "name" : "AurigraphErrorRateCritical",
  "path" : "alerts/aurigrapherrorratecritical/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p1",
  "summary" : "Aurigraph error rate {{ $value | printf \"%.2f\" }}% is above 5%",
  "aliases" : [ ]
}, {
  "name" : "AurigraphLatencyCritical",
  "path" : "alerts/aurigraphlatencycritical/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p1",
  "summary" : "Aurigraph P95 response time {{ $value | humanizeDuration }} is above 2s",
  "aliases" : [ ]
}, {
  "name" : "AurigraphDatabaseUnreachable",
  "path" : "alerts/aurigraphdatabaseunreachable/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p1",
  "summary" : "Aurigraph instance {{ $labels.instance }} cannot reach its database",
  "aliases" : [ ]
}, {
  "name" : "AurigraphErrorRateHigh",
  "path" : "alerts/aurigrapherrorratehigh/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Aurigraph error rate {{ $value | printf \"%.2f\" }}% is above 1%",
  "aliases" : [ ]
}, {
  "name" : "AurigraphLatencyHigh",
  "path" : "alerts/aurigraphlatencyhigh/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Aurigraph P95 response time {{ $value | humanizeDuration }} is above 500ms",
  "aliases" : [ ]
}, {
  "name" : "AurigraphNodeDown",
  "path" : "alerts/aurigraphnodedown/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Aurigraph node {{ $labels.instance }} is down; the service still answers",
  "aliases" : [ ]
}, {
  "name" : "AurigraphSuccessRateCritical",
  "path" : "alerts/aurigraphsuccessratecritical/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Only {{ $value | humanizePercentage }} of Aurigraph requests succeed (2xx), under 95%",
  "aliases" : [ ]
}, {
  "name" : "AurigraphThroughputDropCritical",
  "path" : "alerts/aurigraphthroughputdropcritical/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Aurigraph serves {{ $value | humanize }} requests/s, over 50% below the 776K baseline",
  "aliases" : [ ]
}, {
  "name" : "AurigraphConnectionPoolSaturated",
  "path" : "alerts/aurigraphconnectionpoolsaturated/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Connection pool {{ $labels.pool }} on {{ $labels.instance }} is {{ $value | humanizePercentage }} used",
  "aliases" : [ ]
}, {
  "name" : "AurigraphConnectionPoolTimeouts",
  "path" : "alerts/aurigraphconnectionpooltimeouts/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "Requests time out waiting for a {{ $labels.pool }} connection",
  "aliases" : [ ]
}, {
  "name" : "AurigraphErrorRateElevated",
  "path" : "alerts/aurigrapherrorrateelevated/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p3",
  "summary" : "Aurigraph error rate {{ $value | printf \"%.2f\" }}% is above 0.5%",
  "aliases" : [ ]
}, {
  "name" : "AurigraphLatencyElevated",
  "path" : "alerts/aurigraphlatencyelevated/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p3",
  "summary" : "Aurigraph P95 response time {{ $value | humanizeDuration }} is above 300ms",
  "aliases" : [ ]
}, {
  "name" : "AurigraphLatencyP99High",
  "path" : "alerts/aurigraphlatencyp99high/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p3",
  "summary" : "Aurigraph P99 response time {{ $value | humanizeDuration }} is above 700ms",
  "aliases" : [ ]
}, {
  "name" : "AurigraphSuccessRateLow",
  "path" : "alerts/aurigraphsuccessratelow/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p3",
  "summary" : "Only {{ $value | humanizePercentage }} of Aurigraph requests succeed (2xx), under 99%",
  "aliases" : [ ]
}, {
  "name" : "AurigraphThroughputDropWarning",
  "path" : "alerts/aurigraphthroughputdropwarning/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p3",
  "summary" : "Aurigraph serves {{ $value | humanize }} requests/s, over 20% below the 776K baseline",
  "aliases" : [ ]
}, {
  "name" : "AurigraphHeapMemoryHigh",
  "path" : "alerts/aurigraphheapmemoryhigh/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p3",
  "summary" : "Aurigraph {{ $labels.instance }} uses {{ $value | humanizePercentage }} of its heap",
  "aliases" : [ ]
}, {
  "name" : "AurigraphMemoryAboveBudget",
  "path" : "alerts/aurigraphmemoryabovebudget/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p3",
  "summary" : "Aurigraph {{ $labels.instance }} holds {{ $value | humanize1024 }}B, over 600MB",
  "aliases" : [ ]
}, {
  "name" : "AurigraphRedisDisconnected",
  "path" : "alerts/aurigraphredisdisconnected/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p3",
  "summary" : "Aurigraph instance {{ $labels.instance }} cannot reach Redis",
  "aliases" : [ ]
}, {
  "name" : "AurigraphGrpcThroughputLow",
  "path" : "alerts/aurigraphgrpcthroughputlow/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p3",
  "summary" : "Aurigraph gRPC serves {{ $value | humanize }} calls/s, under 800K",
  "aliases" : [ ]
}, {
  "name" : "AurigraphGrpcLatencyP95High",
  "path" : "alerts/aurigraphgrpclatencyp95high/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p3",
  "summary" : "Aurigraph gRPC P95 {{ $value | humanizeDuration }} is above 200ms",
  "aliases" : [ ]
}, {
  "name" : "AurigraphGrpcLatencyP99High",
  "path" : "alerts/aurigraphgrpclatencyp99high/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p3",
  "summary" : "Aurigraph gRPC P99 {{ $value | humanizeDuration }} is above 500ms",
  "aliases" : [ ]
}, {
  "name" : "AurigraphGrpcErrorRateHigh",
  "path" : "alerts/aurigraphgrpcerrorratehigh/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p3",
  "summary" : "{{ $value | humanizePercentage }} of Aurigraph gRPC calls fail, above 0.5%",
  "aliases" : [ ]
}, {
  "name" : "AurigraphDiskUsageHigh",
  "path" : "alerts/aurigraphdiskusagehigh/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p4",
  "summary" : "Disk {{ $labels.path }} on {{ $labels.instance }} is {{ $value | humanizePercentage }} full",
  "aliases" : [ ]
}, {
  "name" : "AurigraphCpuHigh",
  "path" : "alerts/aurigraphcpuhigh/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p4",
  "summary" : "Aurigraph {{ $labels.instance }} uses {{ $value | humanizePercentage }} CPU",
  "aliases" : [ ]
}, {
  "name" : "AurigraphWarningLogs",
  "path" : "alerts/aurigraphwarninglogs/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p4",
  "summary" : "Aurigraph {{ $labels.instance }} writes warning logs",
  "aliases" : [ ]
}, {
  "name" : "AurigraphBuildSuccessRateLow",
  "path" : "alerts/aurigraphbuildsuccessratelow/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p4",
  "summary" : "Only {{ $value | humanizePercentage }} of Aurigraph builds succeeded in the last 7 days",
  "aliases" : [ ]
}, {
  "name" : "AurigraphAvailabilityBurnRatePage",
  "path" : "alerts/aurigraphavailabilityburnratepage/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "SLO availability of aurigraph is burning its error budget {{ $value | humanize }}x as fast as it may",
  "aliases" : [ ]
}, {
  "name" : "AurigraphAvailabilityBurnRateTicket",
  "path" : "alerts/aurigraphavailabilityburnrateticket/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p3",
  "summary" : "SLO availability of aurigraph is burning its error budget {{ $value | humanize }}x as fast as it may",
  "aliases" : [ ]
}, {
  "name" : "AurigraphLatencyP95BurnRatePage",
  "path" : "alerts/aurigraphlatencyp95burnratepage/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "SLO latency_p95 of aurigraph is burning its error budget {{ $value | humanize }}x as fast as it may",
  "aliases" : [ ]
}, {
  "name" : "AurigraphLatencyP95BurnRateTicket",
  "path" : "alerts/aurigraphlatencyp95burnrateticket/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p4",
  "summary" : "SLO latency_p95 of aurigraph is burning its error budget {{ $value | humanize }}x as fast as it may",
  "aliases" : [ ]
}, {
  "name" : "AurigraphLatencyP99BurnRatePage",
  "path" : "alerts/aurigraphlatencyp99burnratepage/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "SLO latency_p99 of aurigraph is burning its error budget {{ $value | humanize }}x as fast as it may",
  "aliases" : [ ]
}, {
  "name" : "AurigraphLatencyP99BurnRateTicket",
  "path" : "alerts/aurigraphlatencyp99burnrateticket/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p4",
  "summary" : "SLO latency_p99 of aurigraph is burning its error budget {{ $value | humanize }}x as fast as it may",
  "aliases" : [ ]
}, {
  "name" : "AurigraphErrorRateBurnRatePage",
  "path" : "alerts/aurigrapherrorrateburnratepage/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p2",
  "summary" : "SLO error_rate of aurigraph is burning its error budget {{ $value | humanize }}x as fast as it may",
  "aliases" : [ ]
}, {
  "name" : "AurigraphErrorRateBurnRateTicket",
  "path" : "alerts/aurigrapherrorrateburnrateticket/",
  "kind" : "alert",
  "service" : "aurigraph",
  "severity" : "p3",
  "summary" : "SLO error_rate of aurigraph is burning its error budget {{ $value | humanize }}x as fast as it may",
  "aliases" : [ ]
}, {
  "name" : "aurigraph",
  "path" : "services/aurigraph/",
  "kind" : "service",
  "service" : "aurigraph",
  "severity" : "",
  "summary" : "team platform-sre",
  "aliases" : [ ]
} ];
