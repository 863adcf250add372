window.VIGIL_SEARCH = [ {
  "name" : "TreatyFillRateLow",
  "path" : "alerts/treatyfillratelow/",
  "kind" : "alert",
  "service" : "aurora_treaty",
  "severity" : "warning",
  "summary" : "Treaty {{ $labels.treaty_id }} fill rate is {{ $value | humanizePercentage }}",
  "aliases" : [ ]
}, {
  "name" : "TreatyFillRateCritical",
  "path" : "alerts/treatyfillratecritical/",
  "kind" : "alert",
  "service" : "aurora_treaty",
  "severity" : "critical",
  "summary" : "Treaty {{ $labels.treaty_id }} fill rate collapsed to {{ $value | humanizePercentage }}",
  "aliases" : [ ]
}, {
  "name" : "TreatyRttHigh",
  "path" : "alerts/treatyrtthigh/",
  "kind" : "alert",
  "service" : "aurora_treaty",
  "severity" : "warning",
  "summary" : "Treaty {{ $labels.treaty_id }} p95 RTT is {{ $value | humanize }}ms",
  "aliases" : [ ]
}, {
  "name" : "TreatyDropRateHigh",
  "path" : "alerts/treatydropratehigh/",
  "kind" : "alert",
  "service" : "aurora_treaty",
  "severity" : "warning",
  "summary" : "Treaty {{ $labels.treaty_id }} drops {{ $value | humanizePercentage }} of requests",
  "aliases" : [ ]
}, {
  "name" : "TreatyDropRateCritical",
  "path" : "alerts/treatydropratecritical/",
  "kind" : "alert",
  "service" : "aurora_treaty",
  "severity" : "critical",
  "summary" : "Treaty {{ $labels.treaty_id }} drops {{ $value | humanizePercentage }} of requests",
  "aliases" : [ ]
}, {
  "name" : "TreatyProvenanceCoverageLow",
  "path" : "alerts/treatyprovenancecoveragelow/",
  "kind" : "alert",
  "service" : "aurora_treaty",
  "severity" : "warning",
  "summary" : "Treaty {{ $labels.treaty_id }} provenance coverage is {{ $value | humanizePercentage }}",
  "aliases" : [ ]
}, {
  "name" : "TreatyNoRequests",
  "path" : "alerts/treatynorequests/",
  "kind" : "alert",
  "service" : "aurora_treaty",
  "severity" : "warning",
  "summary" : "Treaty {{ $labels.treaty_id }} has received no requests for 15 minutes",
  "aliases" : [ ]
}, {
  "name" : "AuroraTreatyRoutingBurnRatePage",
  "path" : "alerts/auroratreatyroutingburnratepage/",
  "kind" : "alert",
  "service" : "aurora_treaty",
  "severity" : "critical",
  "summary" : "SLO routing of aurora_treaty is burning its error budget {{ $value | humanize }}x as fast as it may",
  "aliases" : [ ]
}, {
  "name" : "AuroraTreatyRoutingBurnRateTicket",
  "path" : "alerts/auroratreatyroutingburnrateticket/",
  "kind" : "alert",
  "service" : "aurora_treaty",
  "severity" : "warning",
  "summary" : "SLO routing of aurora_treaty is burning its error budget {{ $value | humanize }}x as fast as it may",
  "aliases" : [ ]
}, {
  "name" : "PsiFieldPredictionErrorHigh",
  "path" : "alerts/psifieldpredictionerrorhigh/",
  "kind" : "alert",
  "service" : "psi_field",
  "severity" : "warning",
  "summary" : "ψ-Field prediction error {{ $value | humanize }} on {{ $labels.pod }}",
  "aliases" : [ ]
}, {
  "name" : "PsiFieldPodDrift",
  "path" : "alerts/psifieldpoddrift/",
  "kind" : "alert",
  "service" : "psi_field",
  "severity" : "warning",
  "summary" : "ψ-Field pods have drifted apart (prediction error spread {{ $value | humanize }})",
  "aliases" : [ ]
}, {
  "name" : "PsiFieldServiceDown",
  "path" : "alerts/psifieldservicedown/",
  "kind" : "alert",
  "service" : "psi_field",
  "severity" : "critical",
  "summary" : "ψ-Field pod {{ $labels.pod }} is down",
  "aliases" : [ ]
}, {
  "name" : "PsiFieldDensityAnomaly",
  "path" : "alerts/psifielddensityanomaly/",
  "kind" : "alert",
  "service" : "psi_field",
  "severity" : "warning",
  "summary" : "ψ-Field density {{ $value | humanize }} on {{ $labels.pod }} is outside 0.2-0.9",
  "aliases" : [ ]
}, {
  "name" : "PsiFieldTemporalEntropyHigh",
  "path" : "alerts/psifieldtemporalentropyhigh/",
  "kind" : "alert",
  "service" : "psi_field",
  "severity" : "warning",
  "summary" : "ψ-Field temporal entropy {{ $value | humanize }} on {{ $labels.pod }}",
  "aliases" : [ ]
}, {
  "name" : "SchedulerAnchoringBurnRatePage",
  "path" : "alerts/scheduleranchoringburnratepage/",
  "kind" : "alert",
  "service" : "scheduler",
  "severity" : "critical",
  "summary" : "SLO anchoring of scheduler is burning its error budget {{ $value | humanize }}x as fast as it may",
  "aliases" : [ ]
}, {
  "name" : "SchedulerAnchoringBurnRateTicket",
  "path" : "alerts/scheduleranchoringburnrateticket/",
  "kind" : "alert",
  "service" : "scheduler",
  "severity" : "warning",
  "summary" : "SLO anchoring of scheduler is burning its error budget {{ $value | humanize }}x as fast as it may",
  "aliases" : [ ]
}, {
  "name" : "aurora_treaty",
  "path" : "services/aurora_treaty/",
  "kind" : "service",
  "service" : "aurora_treaty",
  "severity" : "",
  "summary" : "team vaultmesh",
  "aliases" : [ ]
}, {
  "name" : "vaultmesh_platform",
  "path" : "services/vaultmesh_platform/",
  "kind" : "service",
  "service" : "vaultmesh_platform",
  "severity" : "",
  "summary" : "team vaultmesh",
  "aliases" : [ ]
}, {
  "name" : "psi_field",
  "path" : "services/psi_field/",
  "kind" : "service",
  "service" : "psi_field",
  "severity" : "",
  "summary" : "team vaultmesh",
  "aliases" : [ ]
}, {
  "name" : "scheduler",
  "path" : "services/scheduler/",
  "kind" : "service",
  "service" : "scheduler",
  "severity" : "",
  "summary" : "team vaultmesh",
  "aliases" : [ ]
} ];
