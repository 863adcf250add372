package dev.vigil.compiler.diag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every diagnostic id that is not a check's, declared once, with what it reports ({@code vigil
 * --explain} prints it). A check declares its id by its class ({@code validate.name.Duplicate}
 * reports {@code Name.Duplicate}); the constants marked {@link OfCheck} name a check's id for the
 * stages before validation, which cannot see the check's class, and must equal it. Call sites use
 * these constants, never a string: {@code IdsTest} fails on an id-shaped literal anywhere else in
 * the main sources and on a constant no one uses. The constant's name is the id in upper snake case.
 */
public final class Ids {
    /** What the id reports, one sentence. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Reports {
        String value();
    }

    /** The id of a registered check, which declares and documents it; reported here by earlier stages too. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface OfCheck {
    }

    private Ids() {
    }

    // ------------------------------------------------------------------ Syntax: the text does not follow the grammar

    @Reports("A word or symbol the grammar does not allow at this point.")
    public static final String SYNTAX_UNEXPECTED_TOKEN = "Syntax.UnexpectedToken";

    @Reports("The file ends before a declaration is complete, usually after an unclosed `{`, `(` or `[`.")
    public static final String SYNTAX_UNEXPECTED_END = "Syntax.UnexpectedEnd";

    @Reports("A character that cannot start any word or symbol of the language.")
    public static final String SYNTAX_INVALID_CHARACTER = "Syntax.InvalidCharacter";

    @Reports("A string that is not closed on its line, or holds an escape the lexer does not accept.")
    public static final String SYNTAX_UNTERMINATED_STRING = "Syntax.UnterminatedString";

    @Reports("A closed string holding an escape sequence that is not valid, such as `\\q` or a short `\\x`.")
    public static final String SYNTAX_INVALID_STRING = "Syntax.InvalidString";

    @Reports("A percent sign apart from its number (`99.9 %`).")
    public static final String SYNTAX_DETACHED_PERCENT = "Syntax.DetachedPercent";

    // ------------------------------------------------------------------ Input: what cannot be read safely

    @Reports("A file that cannot be read from disk.")
    public static final String INPUT_UNREADABLE = "Input.Unreadable";

    @Reports("A file that is not valid UTF-8.")
    public static final String INPUT_INVALID_ENCODING = "Input.InvalidEncoding";

    @Reports("An input larger than Vigil reads: a file or a PromQL expression over the size limit, YAML whose "
            + "aliases expand to too many values, or templates that expand to too many declarations.")
    public static final String INPUT_TOO_LARGE = "Input.TooLarge";

    @Reports("An input nested too deeply to parse safely, such as thousands of nested parentheses or signs, or a chain of hundreds of operators.")
    public static final String INPUT_TOO_DEEP = "Input.TooDeep";

    @Reports("An `import` of a file that does not exist, or of a library (`lib:<library>`) or library file that no "
            + "entry of the library path holds.")
    public static final String INPUT_IMPORT_NOT_FOUND = "Input.ImportNotFound";

    @Reports("An `import` Vigil does not follow into or inside a library: an absolute path, a path that leads out of "
            + "the library with `..`, or a file that is not `.vigil`.")
    public static final String INPUT_IMPORT_REFUSED = "Input.ImportRefused";

    @Reports("(warning) An imported library that several entries of the library path hold; the first one's files "
            + "are used.")
    public static final String INPUT_DUPLICATE_LIBRARY = "Input.DuplicateLibrary";

    @Reports("(`vigil lint` and `vigil import`, warning) A YAML file or document of a kind they do not read, such "
            + "as neither a Prometheus rule file nor an Alertmanager configuration.")
    public static final String INPUT_UNKNOWN_KIND = "Input.UnknownKind";

    @Reports("(`vigil build --templates`) A runbook template of the project's own that FreeMarker cannot parse or "
            + "render, or that tries what runbook templates may not (a Java class, a file outside its directory, a "
            + "loop past 5 seconds, more than 1 MiB of output), at its line.")
    public static final String INPUT_RUNBOOK_TEMPLATE = "Input.RunbookTemplate";

    // ------------------------------------------------------------------ Output: what `vigil build` leaves in place

    @Reports("(`vigil build`, warning) A file the previous build wrote and no longer produces, kept because it was "
            + "edited since.")
    public static final String OUTPUT_KEPT = "Output.Kept";

    @Reports("(`vigil build`, warning) A `manifest.json` in the output directory edited by hand or listing a path "
            + "outside it: the build removes no file it lists.")
    public static final String OUTPUT_MANIFEST_UNTRUSTED = "Output.ManifestUntrusted";

    @Reports("(`vigil check` and `vigil build`) A Kubernetes object Vigil would write that is larger than a cluster "
            + "takes: a ConfigMap's data over 1 MiB, annotations over 262,144 bytes, an object over etcd's 1.5 MiB, "
            + "or one rule group over the 512 KiB prometheus-operator puts in a rule file.")
    public static final String OUTPUT_TOO_LARGE = "Output.TooLarge";

    // ------------------------------------------------------------------ Yaml: files `vigil lint` cannot read as YAML

    @Reports("(`vigil lint`) YAML that cannot be read: bad indentation, tabs, an unclosed quote, an undefined or "
            + "recursive alias, a second document.")
    public static final String YAML_SYNTAX = "Yaml.Syntax";

    @Reports("(`vigil lint`) A key repeated in one mapping, which Prometheus and Alertmanager refuse.")
    public static final String YAML_DUPLICATE_KEY = "Yaml.DuplicateKey";

    // ------------------------------------------------------------------ Type: a value that does not fit its slot

    @Reports("A value of the wrong type for its slot, such as a number where a duration belongs.")
    public static final String TYPE_MISMATCH = "Type.Mismatch";

    @Reports("A value outside what its slot accepts: a zero `group_interval`, a panel wider than 24 columns, a "
            + "target release older than Vigil supports.")
    public static final String TYPE_OUT_OF_RANGE = "Type.OutOfRange";

    @Reports("A duration not written as units from largest to smallest, each once (`1h30m`).")
    public static final String TYPE_INVALID_DURATION = "Type.InvalidDuration";

    @Reports("A number that is not finite (`Inf`, `NaN`) where a declaration needs one.")
    public static final String TYPE_INVALID_NUMBER = "Type.InvalidNumber";

    @Reports("Test input values that are not in promtool's series notation (`0+10x20`).")
    public static final String TYPE_INVALID_SERIES = "Type.InvalidSeries";

    @Reports("A kind Vigil does not know: a metric, panel or receiver type, an SLI kind, an alert tier, a check "
            + "level, a feature flag (a warning for another flag, which changes nothing in rules).")
    public static final String TYPE_UNKNOWN_KIND = "Type.UnknownKind";

    @Reports("(`vigil lint`) An Alertmanager matcher such as `severity=\"critical\"` that does not parse.")
    public static final String TYPE_INVALID_MATCHER = "Type.InvalidMatcher";

    @Reports("A `prometheus_version`, `alertmanager_version` or `grafana_version` that is not a release such as "
            + "`\"2.42\"`.")
    public static final String TYPE_INVALID_VERSION = "Type.InvalidVersion";

    @Reports("A time interval weekday Alertmanager refuses (`sundays`), or a range of them that runs backwards.")
    public static final String TYPE_INVALID_WEEKDAY = "Type.InvalidWeekday";

    @Reports("A time interval time not written `HH:MM` from `00:00` to `24:00` (`9-17`, `2am-4am`), or a range "
            + "that runs backwards (`22:00-06:00`).")
    public static final String TYPE_INVALID_TIME_RANGE = "Type.InvalidTimeRange";

    @Reports("A time interval month outside 1 to 12 and January to December, or a range that runs backwards.")
    public static final String TYPE_INVALID_MONTH = "Type.InvalidMonth";

    @Reports("A time interval day of the month outside 1 to 31 and -1 to -31.")
    public static final String TYPE_INVALID_DAY_OF_MONTH = "Type.InvalidDayOfMonth";

    @Reports("A time interval `location` the tz database does not know (`Europe/Londn`).")
    public static final String TYPE_INVALID_TIME_ZONE = "Type.InvalidTimeZone";

    @Reports("A receiver URL without `http://` or `https://` and a host.")
    public static final String TYPE_INVALID_URL = "Type.InvalidUrl";

    @Reports("An email `smarthost` that is not `host:port`.")
    public static final String TYPE_INVALID_ADDRESS = "Type.InvalidAddress";

    @Reports("An email header not written `Name: value`.")
    public static final String TYPE_INVALID_HEADER = "Type.InvalidHeader";

    // ------------------------------------------------------------------ Property: the lines of a block

    @Reports("A block that lacks a line it needs: an alert without `when`, a receiver without the settings its "
            + "integration needs, a rule without `expr`.")
    public static final String PROPERTY_MISSING = "Property.Missing";

    @Reports("A line given more than once in one block, where only one can apply.")
    public static final String PROPERTY_REPEATED = "Property.Repeated";

    @Reports("A setting or field the block does not take.")
    public static final String PROPERTY_UNKNOWN = "Property.Unknown";

    @Reports("A line where it does not belong: `legend` before its `query`, `for` in a recording rule, matchers on "
            + "Alertmanager's root route.")
    public static final String PROPERTY_MISPLACED = "Property.Misplaced";

    @Reports("Two lines that exclude each other, or a setting given both in the sources and by the build.")
    public static final String PROPERTY_CONFLICT = "Property.Conflict";

    // ------------------------------------------------------------------ Name and Reference

    @OfCheck
    public static final String NAME_DUPLICATE = "Name.Duplicate";

    @Reports("A name Grafana or Alertmanager would refuse: a dashboard or data source uid, a `group_by` label.")
    public static final String NAME_INVALID = "Name.Invalid";

    @OfCheck
    public static final String REFERENCE_UNKNOWN = "Reference.Unknown";

    // ------------------------------------------------------------------ Link

    @OfCheck
    public static final String LINK_NOT_HTTP = "Link.NotHttp";

    @Reports("(warning) A `checks { }` entry that names no check and no family of checks.")
    public static final String REFERENCE_UNKNOWN_CHECK = "Reference.UnknownCheck";

    // ------------------------------------------------------------------ Import: what `vigil import` cannot carry over

    @Reports("(`vigil import`, warning) A part of an imported file that the language cannot express, so the "
            + "written source leaves it out; the message names it (a JSON path for dashboards).")
    public static final String IMPORT_DROPPED = "Import.Dropped";

    @Reports("(`vigil import metrics`) A `/metrics` line or a Prometheus API response that cannot be read; "
            + "nothing is written.")
    public static final String IMPORT_UNREADABLE = "Import.Unreadable";

    @Reports("(`vigil import metrics`, warning) An existing `metric` declaration that disagrees with the exporter "
            + "(another type, labels its series carry but it lacks); the declaration is kept as written.")
    public static final String IMPORT_METRIC_CONFLICT = "Import.MetricConflict";

    // ------------------------------------------------------------------ Secret

    @Reports("A secret written into the sources or the configuration instead of referenced as a file.")
    public static final String SECRET_INLINE = "Secret.Inline";

    // ------------------------------------------------------------------ Suppression: vigil:ignore and checks { }

    @Reports("A `vigil:ignore` comment without a check id.")
    public static final String SUPPRESSION_MALFORMED = "Suppression.Malformed";

    @Reports("A `vigil:ignore` comment, or a `checks` level that lowers or silences a check, without a reason.")
    public static final String SUPPRESSION_MISSING_REASON = "Suppression.MissingReason";

    @Reports("A `vigil:ignore` comment on an error that cannot be silenced.")
    public static final String SUPPRESSION_NOT_ALLOWED = "Suppression.NotAllowed";

    @Reports("(warning) A `vigil:ignore` comment that silences nothing.")
    public static final String SUPPRESSION_UNUSED = "Suppression.Unused";

    // ------------------------------------------------------------------ PromQL: what Prometheus's own parser refuses

    @Reports("A comma after the last argument of a call.")
    public static final String PROMQL_TRAILING_COMMA = "PromQL.TrailingComma";

    @Reports("An aggregation with two `by` or `without` clauses.")
    public static final String PROMQL_DUPLICATE_GROUPING = "PromQL.DuplicateGrouping";

    @Reports("A function or aggregation given the wrong number of arguments.")
    public static final String PROMQL_ARGUMENT_COUNT = "PromQL.ArgumentCount";

    @Reports("An argument of the wrong type, such as a range vector where an instant vector belongs.")
    public static final String PROMQL_ARGUMENT_TYPE = "PromQL.ArgumentType";

    @Reports("A binary operation whose fill value for one side is set twice.")
    public static final String PROMQL_DUPLICATE_FILL = "PromQL.DuplicateFill";

    @Reports("A range `[5m]` written after `offset` or `@` instead of right after the selector.")
    public static final String PROMQL_MODIFIER_BEFORE_RANGE = "PromQL.ModifierBeforeRange";

    @Reports("A range `[...]` after something that is not a vector selector (a subquery is written `[5m:1m]`).")
    public static final String PROMQL_RANGE_ON_NON_SELECTOR = "PromQL.RangeOnNonSelector";

    @Reports("A selector with two `offset` modifiers.")
    public static final String PROMQL_DUPLICATE_OFFSET = "PromQL.DuplicateOffset";

    @Reports("An `offset` after something other than a selector or a subquery.")
    public static final String PROMQL_OFFSET_TARGET = "PromQL.OffsetTarget";

    @Reports("An `@` followed by something other than a Unix timestamp, `start()` or `end()`.")
    public static final String PROMQL_INVALID_AT = "PromQL.InvalidAt";

    @Reports("An `@` timestamp outside the range Prometheus accepts.")
    public static final String PROMQL_AT_OUT_OF_RANGE = "PromQL.AtOutOfRange";

    @Reports("A selector with two `@` modifiers.")
    public static final String PROMQL_DUPLICATE_AT = "PromQL.DuplicateAt";

    @Reports("An `@` after something other than a selector or a subquery.")
    public static final String PROMQL_AT_TARGET = "PromQL.AtTarget";

    @Reports("A selector with more than one of `anchored` and `smoothed`.")
    public static final String PROMQL_DUPLICATE_RANGE_MODIFIER = "PromQL.DuplicateRangeModifier";

    @Reports("`anchored` or `smoothed` after something other than a selector.")
    public static final String PROMQL_RANGE_MODIFIER_TARGET = "PromQL.RangeModifierTarget";

    @Reports("A label name that does not start with a letter or `_` (quote it: `{\"0name\"=\"x\"}`).")
    public static final String PROMQL_INVALID_LABEL_NAME = "PromQL.InvalidLabelName";

    @Reports("A metric name Prometheus cannot read, such as one with a space after its `:`.")
    public static final String PROMQL_INVALID_METRIC_NAME = "PromQL.InvalidMetricName";

    @Reports("A duration expression that divides, or takes a modulo, by zero.")
    public static final String PROMQL_DIVISION_BY_ZERO = "PromQL.DivisionByZero";

    @Reports("A duration too long for Prometheus to hold.")
    public static final String PROMQL_DURATION_OUT_OF_RANGE = "PromQL.DurationOutOfRange";

    @Reports("A range, subquery range or step that is zero or negative.")
    public static final String PROMQL_NON_POSITIVE_DURATION = "PromQL.NonPositiveDuration";

    @Reports("A number Prometheus cannot read.")
    public static final String PROMQL_INVALID_NUMBER = "PromQL.InvalidNumber";

    @Reports("A duration in a query that Prometheus cannot read, such as units out of order (`5m1h`).")
    public static final String PROMQL_INVALID_DURATION = "PromQL.InvalidDuration";

    @Reports("A string in a query holding an escape Prometheus refuses, such as `\\.` in double quotes.")
    public static final String PROMQL_INVALID_STRING = "PromQL.InvalidString";

    @Reports("(`vigil lint`) A `$name` constant in plain PromQL, which only .vigil files have.")
    public static final String PROMQL_CONSTANT_OUTSIDE_VIGIL = "PromQL.ConstantOutsideVigil";

    @Reports("A selector that names its metric twice, before the braces and as `__name__` in them.")
    public static final String PROMQL_DUPLICATE_METRIC_NAME = "PromQL.DuplicateMetricName";

    @Reports("A selector that would select every series: no metric name, and only matchers that match the empty "
            + "string.")
    public static final String PROMQL_EMPTY_SELECTOR = "PromQL.EmptySelector";

    @Reports("A subquery over something other than an instant vector.")
    public static final String PROMQL_SUBQUERY_ON_NON_VECTOR = "PromQL.SubqueryOnNonVector";

    @Reports("(a target before Prometheus 2.54) A range, offset or subquery step without a unit "
            + "(`rate(x_total[5])`), which Prometheus refuses.")
    public static final String PROMQL_DURATION_WITHOUT_UNIT = "PromQL.DurationWithoutUnit";

    @Reports("(a target before Prometheus 2.54) A duration where a number belongs (`< 15d`).")
    public static final String PROMQL_DURATION_AS_NUMBER = "PromQL.DurationAsNumber";

    @Reports("A function, modifier or duration expression that Prometheus reads only behind a feature flag the "
            + "target does not declare (`prometheus_features`).")
    public static final String PROMQL_EXPERIMENTAL_FEATURE = "PromQL.ExperimentalFeature";

    @Reports("A sign applied to something other than a scalar or an instant vector.")
    public static final String PROMQL_UNARY_OPERAND_TYPE = "PromQL.UnaryOperandType";

    @Reports("`bool` on an operator that is not a comparison.")
    public static final String PROMQL_BOOL_ON_NON_COMPARISON = "PromQL.BoolOnNonComparison";

    @Reports("A comparison between two scalars without `bool`.")
    public static final String PROMQL_SCALAR_COMPARISON_WITHOUT_BOOL = "PromQL.ScalarComparisonWithoutBool";

    @Reports("A label listed both in `on(...)` and in `group_left` or `group_right`.")
    public static final String PROMQL_LABEL_IN_ON_AND_GROUP = "PromQL.LabelInOnAndGroup";

    @Reports("An operand of arithmetic or a comparison that is neither a scalar nor an instant vector.")
    public static final String PROMQL_BINARY_OPERAND_TYPE = "PromQL.BinaryOperandType";

    @Reports("`on(...)` or `ignoring(...)` where a side is a scalar.")
    public static final String PROMQL_MATCHING_ON_SCALAR = "PromQL.MatchingOnScalar";

    @Reports("`group_left` or `group_right` with `and`, `or` or `unless`.")
    public static final String PROMQL_GROUPING_ON_SET_OPERATOR = "PromQL.GroupingOnSetOperator";

    @Reports("`and`, `or` or `unless` with a scalar operand.")
    public static final String PROMQL_SET_OPERATOR_ON_SCALAR = "PromQL.SetOperatorOnScalar";

    @Reports("A call of a function PromQL does not have.")
    public static final String PROMQL_UNKNOWN_FUNCTION = "PromQL.UnknownFunction";

    @Reports("A second argument of `info` that is not a label selector without a metric name.")
    public static final String PROMQL_INFO_SELECTOR = "PromQL.InfoSelector";

    @Reports("A query whose result cannot be alerted on, recorded or drawn: a range vector or a string.")
    public static final String PROMQL_RESULT_TYPE = "PromQL.ResultType";

    // ------------------------------------------------------------------ Reuse: templates, blueprints and `for` blocks

    @Reports("A parameter used where its type does not fit, such as a `duration` as a comparison operand; reported "
            + "once, at the template.")
    public static final String REUSE_PARAMETER_TYPE = "Reuse.ParameterType";

    @Reports("A template parameter declared with a type Vigil does not have, twice, named `service`, or with a default "
            + "of another type.")
    public static final String REUSE_PARAMETER = "Reuse.Parameter";

    @Reports("A `use` that leaves out a parameter which has no default.")
    public static final String REUSE_MISSING_ARGUMENT = "Reuse.MissingArgument";

    @Reports("A `use` that passes an argument the template has no parameter for.")
    public static final String REUSE_UNKNOWN_PARAMETER = "Reuse.UnknownParameter";

    @Reports("An argument whose value does not have its parameter's type.")
    public static final String REUSE_ARGUMENT_TYPE = "Reuse.ArgumentType";

    @Reports("A `use` of a template where its kind does not fit: a blueprint outside a service, `template rules` "
            + "outside a group, `template panels` outside a dashboard.")
    public static final String REUSE_WRONG_PLACE = "Reuse.WrongPlace";

    @Reports("A template that uses itself, directly or through others, or expansions nested too deeply.")
    public static final String REUSE_RECURSIVE = "Reuse.Recursive";

    @Reports("A `for` block over something that is not a list.")
    public static final String REUSE_LIST_EXPECTED = "Reuse.ListExpected";

    @Reports("A `${name|filter}` in a template string with a filter Vigil does not have.")
    public static final String REUSE_INTERPOLATION = "Reuse.Interpolation";

    @Reports("(warning) A template parameter its body never uses.")
    public static final String REUSE_UNUSED_PARAMETER = "Reuse.UnusedParameter";

    // ------------------------------------------------------------------ Test: what `vigil test` finds when the tools run

    @Reports("(`vigil test`) A test expectation or routing test case that did not hold when promtool or amtool ran it, "
            + "with what differs.")
    public static final String TEST_FAILED = "Test.Failed";

    @Reports("(`vigil test`) A rule file or Alertmanager configuration Vigil wrote that promtool or amtool refused: "
            + "a bug in Vigil, or a tool older than the target release.")
    public static final String TEST_OUTPUT_REJECTED = "Test.OutputRejected";

    @Reports("(`vigil test`) A run of promtool or amtool that could not finish: it crashed or was killed after the time "
            + "limit; exit status 2.")
    public static final String TEST_TOOL_ERROR = "Test.ToolError";

    @Reports("(`vigil test`) Under the coverage `test_coverage` or `--min-coverage` requires, an object no test fully "
            + "exercises, at its declaration: an alert never expected firing, silent or silent without traffic, a "
            + "route or inhibit rule no routing case takes, a recording rule no test reads, an SLO's untested alert.")
    public static final String TEST_UNCOVERED = "Test.Uncovered";

    // ------------------------------------------------------------------ Internal: a bug in Vigil, never the sources

    @Reports("A bug in Vigil: expanding a service's SLOs failed; the service is checked as declared; exit status 70.")
    public static final String INTERNAL_LOWERING = "Internal.Lowering";

    @Reports("A bug in Vigil: a check failed on the project or on a model read from YAML; the other checks still "
            + "ran; exit status 70.")
    public static final String INTERNAL_CHECK_FAILED = "Internal.CheckFailed";

    @Reports("(`vigil build`) A bug in Vigil: an output could not be written from a project that passed the checks; "
            + "exit status 70.")
    public static final String INTERNAL_EMITTER = "Internal.Emitter";

    @Reports("(`vigil fmt`) A bug in Vigil: the formatted text would not parse back to the same declarations, so "
            + "the file was left untouched; exit status 70.")
    public static final String INTERNAL_FORMATTER = "Internal.Formatter";

    // ------------------------------------------------------------------ lookups

    private static final Map<String, String> DESCRIPTIONS;
    private static final Set<String> OF_CHECKS;

    static {
        Map<String, String> described = new TreeMap<>();
        Set<String> ofChecks = new TreeSet<>();
        for (Field f : Ids.class.getDeclaredFields()) {
            int modifiers = f.getModifiers();
            if (!Modifier.isPublic(modifiers) || !Modifier.isStatic(modifiers) || f.getType() != String.class) {
                continue;
            }
            Reports reports = f.getAnnotation(Reports.class);
            if (f.isAnnotationPresent(OfCheck.class)) {
                ofChecks.add(constant(f));
            } else {
                // IdsTest requires one of the two annotations; a constant without either reports nothing useful.
                described.put(constant(f), reports == null ? "" : reports.value());
            }
        }
        DESCRIPTIONS = Collections.unmodifiableMap(described);
        OF_CHECKS = Collections.unmodifiableSet(ofChecks);
    }

    private static String constant(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every id declared here that is not a check's, with what it reports, sorted by id. */
    /** Whether {@code id} is in the same group as {@code member}: `Input.TooLarge` and `Input.Unreadable` are. */
    public static boolean sameGroup(String id, String member) {
        int dot = member.indexOf('.');
        return id.regionMatches(0, member, 0, dot + 1);
    }

    public static Map<String, String> described() {
        return DESCRIPTIONS;
    }

    /** The check ids that stages before validation report too (their checks declare and document them). */
    public static Set<String> ofChecks() {
        return OF_CHECKS;
    }

    /** What {@code id} reports, when it is declared here and is not a check's. */
    public static Optional<String> description(String id) {
        return Optional.ofNullable(DESCRIPTIONS.get(id));
    }
}
