window.VIGIL_SEARCH = [ {
  "name" : "CrmEventsHotKeySkewHigh",
  "path" : "alerts/crmeventshotkeyskewhigh/",
  "kind" : "alert",
  "service" : "crm_events",
  "severity" : "warning",
  "summary" : "Kafka hot-key skew high (>{{ $value | humanize }}x)",
  "aliases" : [ ]
}, {
  "name" : "CrmEventsUnderReplicatedConsumers",
  "path" : "alerts/crmeventsunderreplicatedconsumers/",
  "kind" : "alert",
  "service" : "crm_events",
  "severity" : "info",
  "summary" : "Fewer than two consumers in {{ $labels.consumergroup }}",
  "aliases" : [ ]
}, {
  "name" : "CrmEventsServiceDown",
  "path" : "alerts/crmeventsservicedown/",
  "kind" : "alert",
  "service" : "crm_events",
  "severity" : "critical",
  "summary" : "The CRM events service is down",
  "aliases" : [ ]
}, {
  "name" : "crm_events",
  "path" : "services/crm_events/",
  "kind" : "service",
  "service" : "crm_events",
  "severity" : "",
  "summary" : "team platform",
  "aliases" : [ ]
} ];
