/*
 * The Vigil language. PromQL is imported as a sub-language: wherever the DSL
 * expects a query, `expr` from PromQL.g4 stands, extended here so that
 * `$name` can name a Vigil constant inside a query.
 *
 * Newlines carry no meaning. A query ends where the next token cannot
 * continue it, which is always a DSL keyword, a string or a closing brace.
 */
grammar Vigil;

import PromQL;

@parser::members {
    /** True while parsing a plain PromQL expression (a YAML `expr:`), where DSL words are ordinary names. */
    public boolean standalonePromql;
}

// ---------------------------------------------------------------- files

vigilFile
    : importDecl* topDecl* EOF
    ;

importDecl
    : IMPORT STRING
    ;

topDecl
    : constDecl
    | serviceDecl
    | severitiesDecl
    | settingsDecl
    | catalogueDecl
    | kubernetesDecl
    | checksDecl
    | routingDecl
    | alertWindowsDecl
    | templateDecl
    ;

// ---------------------------------------------------------------- templates

// `blueprint red(job string, threshold number = 0.05) { ...service members... }`, used in a service as
// `use red(job = "api")`; `template rules` bodies are rules (used in a group), `template panels` bodies
// are dashboard items (used in a dashboard). Parameters are `name type [= default]`, passed by name.
templateDecl
    : BLUEPRINT name templateParams LEFT_BRACE serviceMember* RIGHT_BRACE              # blueprintDecl
    | TEMPLATE RULES name templateParams LEFT_BRACE ruleDecl* RIGHT_BRACE              # rulesTemplateDecl
    | TEMPLATE PANELS name templateParams LEFT_BRACE dashboardItem* RIGHT_BRACE        # panelsTemplateDecl
    ;

templateParams
    : LEFT_PAREN (templateParam (COMMA templateParam)* COMMA?)? RIGHT_PAREN
    ;

templateParam
    : name name (EQL argumentValue)?
    ;

useDecl
    : USE name LEFT_PAREN (argument (COMMA argument)* COMMA?)? RIGHT_PAREN
    ;

argument
    : name EQL argumentValue
    ;

// A DSL value where one fits; otherwise a query (`rate(x[5m])`) or label matchers (`{job="api"}`).
argumentValue
    : value
    | expr
    ;

// Project-level severity overrides: `checks { Alert.ForTooShort error  Rate off "why" }`; lowering or
// turning a check off needs the reason.
checksDecl
    : CHECKS LEFT_BRACE checkOverride* RIGHT_BRACE
    ;

checkOverride
    : dottedName name STRING?
    ;

constDecl
    : CONST name EQL value
    ;

severitiesDecl
    : SEVERITIES name (GTR name)*
    ;

settingsDecl
    : SETTINGS LEFT_BRACE property* RIGHT_BRACE
    ;

// The generated site of alert pages: `catalogue { base_url "https://monitoring.example.com" }`.
catalogueDecl
    : CATALOGUE LEFT_BRACE property* RIGHT_BRACE
    ;

// Metadata of the Kubernetes objects Vigil writes, for the project (top level) or one service:
// `kubernetes { namespace "monitoring"  labels { release = "kps" }  annotations { "a.example/b" = "c" } }`.
// Keys that are not bare names (`app.kubernetes.io/part-of`) are written as strings.
kubernetesDecl
    : KUBERNETES LEFT_BRACE kubernetesItem* RIGHT_BRACE
    ;

kubernetesItem
    : LABELS labelBlock                                   # kubernetesLabels
    | ANNOTATIONS labelBlock                              # kubernetesAnnotations
    | property                                            # kubernetesProperty
    ;

// A generic `key value` pair; each block says which keys it takes and what type each has.
property
    : name value
    ;

// ---------------------------------------------------------------- values

value
    : STRING                                   # stringValue
    | sign=(ADD | SUB)? NUMBER MOD?            # numberValue
    | DURATION                                 # durationValue
    | CONST_REF                                # constRefValue
    | LEFT_BRACKET (value (COMMA value)* COMMA?)? RIGHT_BRACKET  # listValue
    | name                                     # nameValue
    ;

name
    : IDENT
    | keyword
    ;

dottedName
    : name (DOT name)?
    ;

labelBlock
    : LEFT_BRACE (labelPair (COMMA? labelPair)* COMMA?)? RIGHT_BRACE
    ;

labelPair
    : labelName EQL value
    ;

// ---------------------------------------------------------------- services

serviceDecl
    : EXTEND? SERVICE name LEFT_BRACE serviceMember* RIGHT_BRACE
    ;

serviceMember
    : TEAM value                                          # teamMember
    | LABELS labelBlock                                   # labelsMember
    | LINKS LEFT_BRACE property* RIGHT_BRACE              # linksMember
    | kubernetesDecl                                      # kubernetesMember
    | constDecl                                           # constMember
    | metricDecl                                          # metricMember
    | groupDecl                                           # groupMember
    | sloDecl                                             # sloMember
    | dashboardDecl                                       # dashboardMember
    | testDecl                                            # testMember
    | useDecl                                             # useMember
    | FOR name IN value LEFT_BRACE serviceMember* RIGHT_BRACE  # forMember
    ;

metricDecl
    : METRIC metricName name (LEFT_BRACE metricProp* RIGHT_BRACE)?
    ;

metricProp
    : LABELS value                                        # metricLabels
    | property                                            # metricProperty
    ;

// ---------------------------------------------------------------- rules

// A group's name is a bare name, or a string for the names Prometheus allows beyond them
// (`group "node-exporter.rules" { ... }`), as imported rule files have.
groupDecl
    : GROUP (name | STRING) (EVERY value)? (LIMIT value)? LEFT_BRACE ruleDecl* RIGHT_BRACE
    ;

ruleDecl
    : recordDecl
    | alertDecl
    | useDecl
    | FOR name IN value LEFT_BRACE ruleDecl* RIGHT_BRACE
    ;

// Names of generated declarations may be strings, so that a template can build them: `"${service|pascal}Down"`.
recordDecl
    : RECORD (metricName | STRING) (LABELS labelBlock)? EQL expr
    ;

alertDecl
    : ALERT (name | STRING) LEFT_BRACE alertProp* RIGHT_BRACE
    ;

alertProp
    : WHEN expr                                           # whenProp
    | FOR value                                           # forProp
    | KEEP_FIRING_FOR value                               # keepFiringProp
    | SEVERITY name                                       # severityProp
    | LABELS labelBlock                                   # alertLabelsProp
    | SUMMARY value                                       # summaryProp
    | DESCRIPTION value                                   # descriptionProp
    | GUARD expr                                          # guardProp
    | PANEL (dottedName | STRING)                         # panelProp
    | RUNBOOK LEFT_BRACE runbookItem* RIGHT_BRACE         # runbookProp
    | RUNBOOK value                                       # runbookLinkProp
    | ANNOTATIONS labelBlock                              # alertAnnotationsProp
    | ALIASES value                                       # aliasesProp
    ;

runbookItem
    : MEANING value                                       # meaningItem
    | TRIAGE value                                        # triageItem
    | DIAGNOSE value EQL expr                             # diagnoseItem
    | REMEDIATE value (RUN value)?                        # remediateItem
    | ESCALATE value                                      # escalateItem
    | RELATED relatedRef (COMMA relatedRef)*              # relatedItem
    ;

// An alert or dashboard by name, or in a template a string that builds the name.
relatedRef
    : dottedName
    | STRING
    ;

// ---------------------------------------------------------------- SLOs

sloDecl
    : SLO (name | STRING) LEFT_BRACE sloProp* RIGHT_BRACE
    ;

sloProp
    : OBJECTIVE value                                     # objectiveProp
    | WINDOW value                                        # windowProp
    | DESCRIPTION value                                   # sloDescriptionProp
    | BY LEFT_BRACKET (labelName (COMMA labelName)* COMMA?)? RIGHT_BRACKET  # sloGroupingProp
    | SLI name LEFT_BRACE sliProp* RIGHT_BRACE            # sliProp_
    | ALERTING LEFT_BRACE property* RIGHT_BRACE           # alertingProp
    ;

sliProp
    : name EQL expr                                       # sliQuery
    | name value                                          # sliSetting
    ;

// A project-level table of burn-rate alert windows, used by `alerting { windows <name> }`:
// `page 1h 5m budget 2%` (tier, long window, short window, and the share of the budget that
// window may spend, which scales with the SLO window) or `page 1h 5m factor 14.4` (a fixed factor).
alertWindowsDecl
    : ALERT_WINDOWS name LEFT_BRACE alertWindowRow* RIGHT_BRACE
    ;

alertWindowRow
    : name value value name value
    ;

// ---------------------------------------------------------------- dashboards

dashboardDecl
    : DASHBOARD (name | STRING) value? LEFT_BRACE dashboardItem* RIGHT_BRACE
    ;

// A dashboard link: `link "Runbooks" "https://..."` (a web page), `link "Checkout" to checkout_overview`
// (a dashboard of the project) or `link "Kafka" to ["kafka"]` (Grafana's list of dashboards with those tags).
dashboardItem
    : VARIABLE name EQL variableSource                    # variableItem
    | ROW value LEFT_BRACE panelDecl* RIGHT_BRACE         # rowItem
    | LINK value TO? value (LEFT_BRACE property* RIGHT_BRACE)?  # dashboardLinkItem
    | panelDecl                                           # panelItem
    | useDecl                                             # useItem
    | FOR name IN value LEFT_BRACE dashboardItem* RIGHT_BRACE  # forItem
    | property                                            # dashboardProperty
    ;

variableSource
    : LABEL_VALUES LEFT_PAREN (expr COMMA)? labelName RIGHT_PAREN (LEFT_BRACE property* RIGHT_BRACE)?  # labelValuesSource
    | CUSTOM value (LEFT_BRACE property* RIGHT_BRACE)?                                                # customSource
    | INTERVAL value (LEFT_BRACE property* RIGHT_BRACE)?                                              # intervalSource
    ;

// `timeseries skew "Hot-key skew ratio" { query ... unit "suffix:x" }`: type, id, title.
panelDecl
    : name (name | STRING) value LEFT_BRACE panelOption* RIGHT_BRACE
    ;

panelOption
    : QUERY expr                                          # queryOption
    | THRESHOLDS LEFT_BRACE (threshold (COMMA? threshold)* COMMA?)? RIGHT_BRACE  # thresholdsOption
    | THRESHOLDS FROM (name | STRING)                     # thresholdsFromOption
    | LINK value value                                    # linkOption
    | IDENT structObject                                  # structOption
    | name value                                          # panelSetting
    ;

// Grafana's own panel JSON for what the language does not model: `options { legend = { calcs = ["max"] } }`,
// `field_config { defaults = { custom = { lineWidth = 2 } } }`. Objects, lists, strings, numbers, `true`,
// `false` and `null`; keys that are not bare names are strings (`"color-scheme" = ...`).
structObject
    : LEFT_BRACE (structMember (COMMA? structMember)* COMMA?)? RIGHT_BRACE
    ;

structMember
    : (name | STRING) EQL structValue
    ;

structValue
    : STRING                                                        # structString
    | sign=(ADD | SUB)? NUMBER                                      # structNumber
    | structObject                                                  # structObjectValue
    | LEFT_BRACKET (structValue (COMMA structValue)* COMMA?)? RIGHT_BRACKET  # structList
    | name                                                          # structWord
    ;

threshold
    : name value
    ;

// ---------------------------------------------------------------- routing

routingDecl
    : ROUTING LEFT_BRACE routingItem* RIGHT_BRACE
    ;

routingItem
    : RECEIVER name name LEFT_BRACE property* RIGHT_BRACE                     # receiverItem
    | ROUTE routeSpec                                                         # routeItem
    | INHIBIT inhibitSide WHILE inhibitSide (ON LEFT_BRACKET (labelName (COMMA labelName)* COMMA?)? RIGHT_BRACKET)?  # inhibitItem
    | TIME_INTERVAL name LEFT_BRACE property* RIGHT_BRACE                     # timeIntervalItem
    | TEST value LEFT_BRACE routeTest* RIGHT_BRACE                            # routingTestItem
    ;

routeSpec
    : (DEFAULT | routeMatcher (COMMA routeMatcher)*) TO name (LEFT_BRACE routeSetting* RIGHT_BRACE)?
    ;

routeMatcher
    : labelName op=(EQL | NEQ | EQL_REGEX | NEQ_REGEX | GTE | LTE | GTR | LSS) value
    ;

routeSetting
    : ROUTE routeSpec                                     # childRoute
    | CONTINUE                                            # continueSetting
    | property                                            # routeProperty
    ;

inhibitSide
    : name                                                # inhibitAlert
    | routeMatcher (COMMA routeMatcher)*                  # inhibitMatchers
    ;

// `{labels} expect r1, r2` (the receivers, in the order the routes match), or `TARGET while SOURCE
// expect inhibited` (or `not inhibited`); an alert is written as its labels or as `alert Name {more}`.
routeTest
    : testAlert WHILE testAlert EXPECT NOT? INHIBITED                     # inhibitionTest
    | testAlert EXPECT name (COMMA name)*                                 # receiverTest
    ;

testAlert
    : labelBlock                                          # labelledAlert
    | ALERT name labelBlock?                              # namedAlert
    ;

// ---------------------------------------------------------------- tests

testDecl
    : TEST value LEFT_BRACE testItem* RIGHT_BRACE
    ;

testItem
    : EVERY value                                         # intervalItem
    | SERIES vectorSelector EQL value                     # seriesItem
    | AT_TIME value EXPECT ALERT (name | STRING) labelBlock? (VALUE value)? annotationBlock?   # expectAlertItem
    | AT_TIME value EXPECT NO ALERT (name | STRING)            # expectNoAlertItem
    | AT_TIME value EXPECT VALUE expr IS (EMPTY | LEFT_BRACKET (sample (COMMA? sample)* COMMA?)? RIGHT_BRACKET)  # expectValueItem
    ;

annotationBlock
    : ANNOTATIONS labelBlock
    ;

sample
    : vectorSelector EQL value
    ;

// ---------------------------------------------------------------- PromQL hooks

// Inside a template, `{$selector}` stands for the matchers a `matchers` parameter holds.
matcher
    : labelName op=(EQL | NEQ | EQL_REGEX | NEQ_REGEX) matcherValue        # labelMatcher
    | STRING                                                               # quotedMetricName
    | CONST_REF                                                            # matchersRef
    ;

// Inside a template, `by ($labels)` stands for the labels a `labels` parameter holds.
groupingLabels
    : LEFT_PAREN ((labelName | CONST_REF) (COMMA (labelName | CONST_REF))* COMMA?)? RIGHT_PAREN
    ;

// Inside a .vigil file a matcher value may name a constant: `{group=$consumer_group}`.
matcherValue
    : STRING
    | CONST_REF
    ;

literal
    : NUMBER
    | DURATION
    | STRING
    | CONST_REF
    ;

durationAtom
    : NUMBER
    | DURATION
    | CONST_REF
    | LEFT_PAREN durationExpr RIGHT_PAREN
    | IDENT LEFT_PAREN (durationExpr (COMMA durationExpr)*)? RIGHT_PAREN
    ;

// Reserved words stay usable as label names everywhere. As bare metric names inside a .vigil
// file they would swallow the next keyword after a missing expression (`when` then `for 2m`),
// so there they are only accepted when parsing plain PromQL; `{__name__="for"}` still works.
keyword
    : promqlKeyword
    | dslKeyword
    ;

metricName
    : IDENT
    | METRIC_IDENT
    | COLON (IDENT | METRIC_IDENT)
    | promqlKeyword
    | {standalonePromql}? dslKeyword
    ;

dslKeyword
    : IMPORT | CONST | SEVERITIES | SETTINGS | CHECKS | EXTEND | SERVICE | TEAM | LABELS | LINKS
    | METRIC | EVERY | LIMIT | RECORD | ALERT | WHEN | FOR | KEEP_FIRING_FOR | SEVERITY
    | SUMMARY | DESCRIPTION | GUARD | PANEL | RUNBOOK | MEANING | TRIAGE | DIAGNOSE
    | REMEDIATE | RUN | ESCALATE | RELATED | SLO | OBJECTIVE | WINDOW | SLI | ALERTING
    | DASHBOARD | VARIABLE | ROW | LABEL_VALUES | CUSTOM | INTERVAL | QUERY | THRESHOLDS
    | FROM | ROUTING | RECEIVER | ROUTE | INHIBIT | WHILE | TIME_INTERVAL | DEFAULT
    | TO | CONTINUE | EXPECT | TEST | SERIES | NO | VALUE | IS | EMPTY | ANNOTATIONS
    | LINK | AT_TIME | ALERT_WINDOWS | NOT | INHIBITED | BLUEPRINT | TEMPLATE | RULES | PANELS | USE | IN
    | KUBERNETES | CATALOGUE | ALIASES
    ;

// ---------------------------------------------------------------- lexer

IMPORT          : 'import';
CONST           : 'const';
SEVERITIES      : 'severities';
SETTINGS        : 'settings';
KUBERNETES      : 'kubernetes';
CATALOGUE       : 'catalogue';
ALIASES         : 'aliases';
CHECKS          : 'checks';
EXTEND          : 'extend';
SERVICE         : 'service';
TEAM            : 'team';
LABELS          : 'labels';
LINKS           : 'links';
METRIC          : 'metric';
EVERY           : 'every';
LIMIT           : 'limit';
RECORD          : 'record';
ALERT           : 'alert';
WHEN            : 'when';
FOR             : 'for';
KEEP_FIRING_FOR : 'keep_firing_for';
SEVERITY        : 'severity';
SUMMARY         : 'summary';
DESCRIPTION     : 'description';
GUARD           : 'guard';
PANEL           : 'panel';
RUNBOOK         : 'runbook';
MEANING         : 'meaning';
TRIAGE          : 'triage';
DIAGNOSE        : 'diagnose';
REMEDIATE       : 'remediate';
RUN             : 'run';
ESCALATE        : 'escalate';
RELATED         : 'related';
SLO             : 'slo';
OBJECTIVE       : 'objective';
WINDOW          : 'window';
SLI             : 'sli';
ALERTING        : 'alerting';
ALERT_WINDOWS   : 'alert_windows';
DASHBOARD       : 'dashboard';
VARIABLE        : 'variable';
ROW             : 'row';
LABEL_VALUES    : 'label_values';
CUSTOM          : 'custom';
INTERVAL        : 'interval';
QUERY           : 'query';
THRESHOLDS      : 'thresholds';
FROM            : 'from';
ROUTING         : 'routing';
RECEIVER        : 'receiver';
ROUTE           : 'route';
INHIBIT         : 'inhibit';
WHILE           : 'while';
TIME_INTERVAL   : 'time_interval';
DEFAULT         : 'default';
TO              : 'to';
CONTINUE        : 'continue';
EXPECT          : 'expect';
NOT             : 'not';
INHIBITED       : 'inhibited';
TEST            : 'test';
SERIES          : 'series';
NO              : 'no';
VALUE           : 'value';
IS              : 'is';
EMPTY           : 'empty';
ANNOTATIONS     : 'annotations';
AT_TIME         : 'at';
LINK            : 'link';
BLUEPRINT       : 'blueprint';
TEMPLATE        : 'template';
RULES           : 'rules';
PANELS          : 'panels';
USE             : 'use';
IN              : 'in';

CONST_REF
    : '$' [a-zA-Z_] [a-zA-Z0-9_]*
    ;

DOT
    : '.'
    ;

LINE_COMMENT
    : '//' ~[\r\n]* -> channel(2)
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(2)
    ;
