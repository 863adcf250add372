<#-- A runbook for one SLO burn-rate alert. Every number comes from the compiled SLO. -->
# ${md.text(alert.name)}

> SLO ${md.code(slo.name)} of ${md.code(service)} is burning its error budget too fast.

| | |
|---|---|
| Service | ${md.cellCode(service)} |
| SLO | ${md.cellCode(slo.name)}: ${slo.objective}% over ${slo.window} (error budget ${slo.budget}) |
| Severity | ${md.cellCode(alert.severity)} (tier ${md.cellCode(alert.tier)}) |
| For | ${md.cellCode(alert.for)} |

## What it means

<#list alert.pairs as p>
- Burn rate above **${p.factor}x** over both ${p.long} and ${p.short}: ${p.spent}% of the ${slo.window} budget went in ${p.long}. At this rate the whole ${slo.window} budget is gone in about ${p.exhaustion}.
</#list>

A burn rate of 1x spends the budget exactly over the SLO window; above it, the objective will be missed unless the burn stops.

## Expression

${md.block(alert.expr, "promql")}

## Diagnosis

<#list diagnoses as d>
### ${md.text(d.title)}

${md.block(d.query, "promql")}

</#list>
## What to do

1. Check the SLO dashboard: which window burns, since when, and whether traffic changed.
2. Find the worst label values with the queries above; look for a recent deploy or canary on them.
3. Roll back or shift traffic away from what changed; the page resolves once the short window is clean.
4. If the budget is already spent, freeze risky changes until it recovers.
<#if alert.templates?has_content>

---

Generated from template <#list alert.templates as t>${md.code(t)}<#sep> in </#list>: change the template, not this page.
</#if>
