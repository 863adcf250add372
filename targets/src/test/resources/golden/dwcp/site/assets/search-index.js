window.VIGIL_SEARCH = [ {
  "name" : "DWCPv3LatencyAnomaly",
  "path" : "alerts/dwcpv3latencyanomaly/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "info",
  "summary" : "Latency anomalies in {{ $labels.region }}: {{ $value | humanize }} in 5m",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3ThroughputAnomaly",
  "path" : "alerts/dwcpv3throughputanomaly/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "info",
  "summary" : "Throughput anomalies in {{ $labels.region }}: {{ $value | humanize }} in 5m",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3MultipleAnomalies",
  "path" : "alerts/dwcpv3multipleanomalies/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "warning",
  "summary" : "{{ $value }} metrics anomalous at once in {{ $labels.region }}: system instability",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3LatencySLAViolation",
  "path" : "alerts/dwcpv3latencyslaviolation/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "warning",
  "summary" : "Latency SLA compliance {{ $value | humanizePercentage }} in {{ $labels.region }} (target 99%)",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3ThroughputSLAViolation",
  "path" : "alerts/dwcpv3throughputslaviolation/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "warning",
  "summary" : "Throughput SLA compliance {{ $value | humanizePercentage }} in {{ $labels.region }} (target 99%)",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3ErrorRateSLAViolation",
  "path" : "alerts/dwcpv3errorrateslaviolation/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "warning",
  "summary" : "Error-rate SLA compliance {{ $value | humanizePercentage }} in {{ $labels.region }} (target 99%)",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3SLAComplianceLow",
  "path" : "alerts/dwcpv3slacompliancelow/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "warning",
  "summary" : "Overall SLA compliance {{ $value | humanizePercentage }} in {{ $labels.region }}",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3AMSTStreamSaturation",
  "path" : "alerts/dwcpv3amststreamsaturation/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "warning",
  "summary" : "AMST streams {{ $value | humanizePercentage }} used on {{ $labels.instance }}",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3HDECompressionRatioLow",
  "path" : "alerts/dwcpv3hdecompressionratiolow/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "info",
  "summary" : "HDE compression ratio {{ $value | humanize }}:1 in {{ $labels.region }}",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3PBAPredictionAccuracyLow",
  "path" : "alerts/dwcpv3pbapredictionaccuracylow/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "info",
  "summary" : "PBA prediction accuracy {{ $value | humanizePercentage }} on {{ $labels.instance }}",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3ACPConsensusLatencyHigh",
  "path" : "alerts/dwcpv3acpconsensuslatencyhigh/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "warning",
  "summary" : "ACP consensus P99 {{ $value | humanizeDuration }} in {{ $labels.region }}",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3PrometheusScrapeFailures",
  "path" : "alerts/dwcpv3prometheusscrapefailures/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "warning",
  "summary" : "Prometheus cannot scrape {{ $value | humanizePercentage }} of the {{ $labels.job }} targets",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3MetricsCollectionLatencyHigh",
  "path" : "alerts/dwcpv3metricscollectionlatencyhigh/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "info",
  "summary" : "Metrics collection on {{ $labels.instance }} is slow or stopped ({{ $value | humanizeDuration }})",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3AlertmanagerDown",
  "path" : "alerts/dwcpv3alertmanagerdown/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "warning",
  "summary" : "Alertmanager {{ $labels.instance }} is down",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3RolloutNoGo",
  "path" : "alerts/dwcpv3rolloutnogo/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "critical",
  "summary" : "NO-GO: halt the DWCP v3 rollout in {{ $labels.region }}",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3LatencyP99Critical",
  "path" : "alerts/dwcpv3latencyp99critical/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "critical",
  "summary" : "DWCP v3 migration P99 latency {{ $value | humanizeDuration }} in {{ $labels.region }}",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3ThroughputCriticalLow",
  "path" : "alerts/dwcpv3throughputcriticallow/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "critical",
  "summary" : "DWCP v3 throughput {{ $value | humanize }}B/s in {{ $labels.region }}, below 2.0 GB/s",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3ErrorRateCritical",
  "path" : "alerts/dwcpv3errorratecritical/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "critical",
  "summary" : "DWCP v3 errors at {{ $value | humanize }}/s in {{ $labels.region }}",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3ComponentDown",
  "path" : "alerts/dwcpv3componentdown/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "critical",
  "summary" : "DWCP v3 component {{ $labels.component }} is down on {{ $labels.instance }}",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3ConsensusFailure",
  "path" : "alerts/dwcpv3consensusfailure/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "critical",
  "summary" : "ACP consensus failing in {{ $labels.region }}: {{ $value | humanize }} failed rounds in 5m",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3MemoryLeakSuspected",
  "path" : "alerts/dwcpv3memoryleaksuspected/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "critical",
  "summary" : "DWCP v3 {{ $labels.component }} memory grew {{ $value | humanizePercentage }} in 30m on {{ $labels.instance }}",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3LatencyP95High",
  "path" : "alerts/dwcpv3latencyp95high/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "warning",
  "summary" : "DWCP v3 migration P95 latency {{ $value | humanizeDuration }} in {{ $labels.region }}",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3ThroughputSuboptimal",
  "path" : "alerts/dwcpv3throughputsuboptimal/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "warning",
  "summary" : "DWCP v3 throughput {{ $value | humanize }}B/s in {{ $labels.region }}, below 2.2 GB/s",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3ErrorRateElevated",
  "path" : "alerts/dwcpv3errorrateelevated/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "warning",
  "summary" : "DWCP v3 errors at {{ $value | humanize }}/s in {{ $labels.region }}",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3HighCPU",
  "path" : "alerts/dwcpv3highcpu/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "warning",
  "summary" : "CPU at {{ $value | humanizePercentage }} for {{ $labels.component }} on {{ $labels.instance }}",
  "aliases" : [ ]
}, {
  "name" : "DWCPv3RolloutStalled",
  "path" : "alerts/dwcpv3rolloutstalled/",
  "kind" : "alert",
  "service" : "dwcp_v3",
  "severity" : "warning",
  "summary" : "DWCP v3 rollout stage {{ $labels.stage }} in {{ $labels.region }} stalled at {{ $value | humanizePercentage }}",
  "aliases" : [ ]
}, {
  "name" : "dwcp_v3",
  "path" : "services/dwcp_v3/",
  "kind" : "service",
  "service" : "dwcp_v3",
  "severity" : "",
  "summary" : "team platform-sre",
  "aliases" : [ ]
} ];
