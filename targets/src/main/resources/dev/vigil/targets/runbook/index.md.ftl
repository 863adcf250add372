<#-- The index of one service's runbooks, SLOs and dashboards. -->
# ${md.text(service.name)} runbooks

<#if service.team?has_content>
Owned by ${md.text(service.team)}.
</#if>
<#if alerts?has_content>

## Alerts

| Alert | Severity | Fires when | For | Summary |
|---|---|---|---|---|
<#list alerts as a>
| ${md.link(a.name, a.file)} | ${md.cellCode(a.severity)} | <#if a.threshold?has_content>${md.cellCode(a.threshold)}</#if> | <#if a.for?has_content>${md.cellCode(a.for)}<#else>immediately</#if> | ${md.prose(a.summary)} |
</#list>
</#if>
<#if slos?has_content>

## SLOs

| SLO | Objective | Window | Description |
|---|---|---|---|
<#list slos as s>
| ${md.cellCode(s.name)} | ${md.cellCode(s.objective)} | ${md.cellCode(s.window)} | ${md.prose(s.description)} |
</#list>
</#if>
<#if sloAlerts?has_content>

## SLO burn-rate alerts

| Alert | SLO | Tier | Severity | Burn rate above | For |
|---|---|---|---|---|---|
<#list sloAlerts as a>
| ${md.link(a.name, a.file)} | ${md.cellCode(a.slo)} | ${md.text(a.tier)} | ${md.cellCode(a.severity)} | ${md.prose(a.conditions?join(", or "))} | <#if a.for?has_content>${md.cellCode(a.for)}<#else>immediately</#if> |
</#list>
</#if>
<#if dashboards?has_content>

## Dashboards

<#list dashboards as d>
<#if d.url?has_content>
- ${md.link(d.title, d.url)} (${d.panels} panels)
<#else>
- ${md.text(d.title)} (${d.panels} panels)
</#if>
</#list>
</#if>
