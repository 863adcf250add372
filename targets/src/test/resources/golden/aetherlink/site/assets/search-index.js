window.VIGIL_SEARCH = [ {
  "name" : "CacheEffectivenessDrop",
  "path" : "alerts/cacheeffectivenessdrop/",
  "kind" : "alert",
  "service" : "aetherlink",
  "severity" : "warning",
  "summary" : "Cache hit ratio {{ $value | humanizePercentage }} for {{ $labels.tenant_id }}",
  "aliases" : [ ]
}, {
  "name" : "LowConfidenceSpike",
  "path" : "alerts/lowconfidencespike/",
  "kind" : "alert",
  "service" : "aetherlink",
  "severity" : "warning",
  "summary" : "{{ $value | humanize }}% low-confidence answers for {{ $labels.tenant_id }}",
  "aliases" : [ ]
}, {
  "name" : "LowConfidenceSpikeVIP",
  "path" : "alerts/lowconfidencespikevip/",
  "kind" : "alert",
  "service" : "aetherlink",
  "severity" : "critical",
  "summary" : "VIP {{ $labels.tenant_id }}: {{ $value | humanize }}% low-confidence answers",
  "aliases" : [ ]
}, {
  "name" : "CacheEffectivenessDropVIP",
  "path" : "alerts/cacheeffectivenessdropvip/",
  "kind" : "alert",
  "service" : "aetherlink",
  "severity" : "critical",
  "summary" : "VIP {{ $labels.tenant_id }}: cache hit ratio {{ $value | humanizePercentage }}",
  "aliases" : [ ]
}, {
  "name" : "HealthScoreDegradation",
  "path" : "alerts/healthscoredegradation/",
  "kind" : "alert",
  "service" : "aetherlink",
  "severity" : "warning",
  "summary" : "AetherLink health score is {{ $value | humanize }}",
  "aliases" : [ ]
}, {
  "name" : "RerankUtilizationHigh",
  "path" : "alerts/rerankutilizationhigh/",
  "kind" : "alert",
  "service" : "aetherlink",
  "severity" : "warning",
  "summary" : "{{ $value | humanize }}% of {{ $labels.tenant_id }}'s answers go through the reranker",
  "aliases" : [ ]
}, {
  "name" : "RerankUtilizationCritical",
  "path" : "alerts/rerankutilizationcritical/",
  "kind" : "alert",
  "service" : "aetherlink",
  "severity" : "critical",
  "summary" : "{{ $value | humanize }}% of {{ $labels.tenant_id }}'s answers go through the reranker",
  "aliases" : [ ]
}, {
  "name" : "CostEstimateHigh",
  "path" : "alerts/costestimatehigh/",
  "kind" : "alert",
  "service" : "aetherlink",
  "severity" : "warning",
  "summary" : "AetherLink's estimated 30-day cost is {{ $value | humanize }} USD",
  "aliases" : [ ]
}, {
  "name" : "HealthScoreCritical",
  "path" : "alerts/healthscorecritical/",
  "kind" : "alert",
  "service" : "aetherlink",
  "severity" : "critical",
  "summary" : "AetherLink health score is {{ $value | humanize }}",
  "aliases" : [ ]
}, {
  "name" : "aetherlink",
  "path" : "services/aetherlink/",
  "kind" : "service",
  "service" : "aetherlink",
  "severity" : "",
  "summary" : "team aether",
  "aliases" : [ ]
} ];
