<#-- A runbook for one alert. Everything stated about the alert comes from the compiled model. -->
# ${md.text(alert.name)}

<#if alert.summary?has_content>
> ${md.prose(alert.summary)}
</#if>

| | |
|---|---|
| Service | ${md.cellCode(service.name)}<#if service.team?has_content> (team ${md.text(service.team)})</#if> |
| Severity | ${md.cellCode(alert.severity)} |
<#if alert.threshold?has_content>
| Fires when | ${md.cellCode(alert.threshold)} |
</#if>
| For | <#if alert.for?has_content>${md.cellCode(alert.for)}<#else>immediately</#if> |
<#if alert.keepFiringFor?has_content>
| Keeps firing for | ${md.cellCode(alert.keepFiringFor)} |
</#if>
<#if alert.guard?has_content>
| Only with traffic | ${md.cellCode(alert.guard + " > 0")} |
</#if>
| Rule group | ${md.cellCode(alert.group)} |
<#if alert.panel.url?? && alert.panel.url?has_content>
| Dashboard | ${md.link(alert.panel.title, alert.panel.url)} |
</#if>

## What it means

<#if alert.meaning?has_content>
${md.markdown(alert.meaning)}
<#else>
${md.prose(alert.summary)}
</#if>
<#if alert.description?has_content>

${md.block(alert.description, "text")}
</#if>

## Expression

${md.block(alert.expr, "promql")}

Labels on the alert: <#list alert.labels as name, value>${md.code(name + "=" + value)}<#sep>, </#list>.
<#if alert.triage?has_content>

## Triage

<#list alert.triage as step>
- [ ] ${md.prose(step)}
</#list>
</#if>
<#if alert.diagnoses?has_content>

## Diagnosis

<#list alert.diagnoses as d>
### ${md.text(d.title)}

${md.block(d.query, "promql")}
<#if d.url?has_content>

${md.link("Open in Prometheus", d.url)}
</#if>

</#list>
</#if>
<#if alert.remediations?has_content>

## Remediation

<#list alert.remediations as r>
${r?counter}. ${md.prose(r.text)}
<#if r.command?has_content>

${md.block(r.command, "sh", 4)}

</#if>
</#list>
</#if>
<#if alert.escalation?has_content>

## Escalation

<#list alert.escalation as e>
- ${md.prose(e)}
</#list>
</#if>
<#if alert.related?has_content>

## Related

<#list alert.related as r>
<#if r.url?has_content>
- ${r.kind?cap_first}: ${md.link(r.name, r.url)}
<#else>
- ${r.kind?cap_first}: ${md.code(r.name)}
</#if>
</#list>
</#if>
<#if alert.inhibitedBy?has_content>

## Silenced by

<#list alert.inhibitedBy as i>
- While <#list i.source as s>${md.code(s)}<#sep>, </#list> fires<#if i.equal?has_content>, for alerts with the same <#list i.equal as l>${md.code(l)}<#sep>, </#list></#if>.
</#list>
</#if>
<#if alert.templates?has_content>

---

Generated from template <#list alert.templates as t>${md.code(t)}<#sep> in </#list>: change the template, not this page.
</#if>
