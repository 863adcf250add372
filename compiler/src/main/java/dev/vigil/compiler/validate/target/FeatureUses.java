package dev.vigil.compiler.validate.target;

import dev.vigil.compiler.analysis.AlertSources;
import dev.vigil.compiler.template.TemplateChecker;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.target.TargetFeature;
import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.DurationExpr;
import dev.vigil.compiler.promql.DurationLiteral;
import dev.vigil.compiler.promql.DurationRef;
import dev.vigil.compiler.promql.DurationUnary;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.OffsetExpr;
import dev.vigil.compiler.promql.RangeModifierExpr;
import dev.vigil.compiler.promql.Subquery;
import dev.vigil.compiler.promql.VectorMatching;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every use of a {@link TargetFeature} in a project, with the span of what uses it: PromQL in every
 * query (dashboards' too, since Prometheus runs them), alert fields and templates, and what the
 * Alertmanager configuration is written with. The {@code Target} checks compare them with the
 * project's target versions.
 */
final class FeatureUses {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** Receiver types that only some Alertmanager releases know. */
    private static final Map<Routing.ReceiverType, TargetFeature> RECEIVER_TYPES = Map.of(
            Routing.ReceiverType.TELEGRAM, TargetFeature.AM_TELEGRAM,
            Routing.ReceiverType.DISCORD, TargetFeature.AM_DISCORD,
            Routing.ReceiverType.WEBEX, TargetFeature.AM_WEBEX,
            Routing.ReceiverType.MSTEAMS, TargetFeature.AM_MSTEAMS,
            Routing.ReceiverType.MSTEAMSV2, TargetFeature.AM_MSTEAMSV2,
            Routing.ReceiverType.JIRA, TargetFeature.AM_JIRA,
            Routing.ReceiverType.ROCKETCHAT, TargetFeature.AM_ROCKETCHAT,
            Routing.ReceiverType.INCIDENTIO, TargetFeature.AM_INCIDENTIO,
            Routing.ReceiverType.MATTERMOST, TargetFeature.AM_MATTERMOST);

    /** Receiver settings that only some Alertmanager releases know. */
    private static final Map<Routing.ReceiverType, Map<String, TargetFeature>> RECEIVER_SETTINGS = Map.of(
            Routing.ReceiverType.OPSGENIE, Map.of("api_key_file", TargetFeature.AM_OPSGENIE_API_KEY_FILE),
            Routing.ReceiverType.PAGERDUTY, Map.of("routing_key_file", TargetFeature.AM_PAGERDUTY_KEY_FILES,
                    "service_key_file", TargetFeature.AM_PAGERDUTY_KEY_FILES),
            Routing.ReceiverType.EMAIL, Map.of("auth_password_file", TargetFeature.AM_EMAIL_AUTH_PASSWORD_FILE),
            Routing.ReceiverType.WEBHOOK, Map.of("url_file", TargetFeature.AM_WEBHOOK_URL_FILE),
            Routing.ReceiverType.VICTOROPS, Map.of("api_key_file", TargetFeature.AM_VICTOROPS_API_KEY_FILE),
            Routing.ReceiverType.PUSHOVER, Map.of("user_key_file", TargetFeature.AM_PUSHOVER_KEY_FILES,
                    "token_file", TargetFeature.AM_PUSHOVER_KEY_FILES),
            Routing.ReceiverType.TELEGRAM, Map.of("bot_token_file", TargetFeature.AM_TELEGRAM_BOT_TOKEN_FILE,
                    "message_thread_id", TargetFeature.AM_TELEGRAM_MESSAGE_THREAD_ID),
            Routing.ReceiverType.DISCORD, Map.of("webhook_url_file", TargetFeature.AM_DISCORD_WEBHOOK_URL_FILE),
            Routing.ReceiverType.MSTEAMS, Map.of("webhook_url_file", TargetFeature.AM_MSTEAMS_WEBHOOK_URL_FILE));

    /** One use of a feature. */
    record Use(TargetFeature feature, Span span) {
    }

    private final List<Use> uses = new ArrayList<>();

    private FeatureUses() {
    }

    static List<Use> of(Project project) {
        FeatureUses f = new FeatureUses();
        Queries.of(project).forEach(q -> f.query(q.expr()));
        f.alerts(project);
        f.routing(project.routing());
        return f.uses;
    }

    private void add(TargetFeature feature, Span span) {
        uses.add(new Use(feature, span));
    }

    // ---------------------------------------------------------------- PromQL

    private void query(Expr root) {
        Expr.walk(root, e -> {
            if (e instanceof Call c) {
                TargetFeature.ofFunction(c.function()).ifPresent(f -> add(f, head(c.span(), c.function())));
            } else if (e instanceof Aggregation a) {
                if (a.op() == AggregateOp.LIMITK || a.op() == AggregateOp.LIMIT_RATIO) {
                    TargetFeature.ofFunction(a.op().keyword()).ifPresent(f -> add(f, head(a.span(), a.op().keyword())));
                }
                if (a.grouping() != null) {
                    labels(a.grouping().labels(), a.grouping().span());
                }
            } else if (e instanceof Binary b) {
                if (b.op() == BinaryOp.TRIM_UPPER || b.op() == BinaryOp.TRIM_LOWER) {
                    add(TargetFeature.TRIM_OPERATORS, b.span());
                }
                matching(b);
            } else if (e instanceof VectorSelector v) {
                selector(v);
            } else if (e instanceof MatrixSelector m) {
                duration(m.range(), false);
            } else if (e instanceof Subquery s) {
                duration(s.range(), false);
                if (s.step() != null) {
                    duration(s.step(), false);
                }
            } else if (e instanceof OffsetExpr o) {
                duration(o.offset(), true);
            } else if (e instanceof RangeModifierExpr r) {
                add(TargetFeature.ANCHORED_SMOOTHED, r.span());
            }
        });
    }

    private void matching(Binary b) {
        VectorMatching m = b.matching();
        if (m == null) {
            return;
        }
        Span where = m.span().isNone() ? b.span() : m.span();
        if (m.hasFill()) {
            add(TargetFeature.FILL_MODIFIERS, where);
        }
        labels(m.labels(), where);
        labels(m.include(), where);
    }

    private void selector(VectorSelector v) {
        if (v.metricName() != null && !METRIC_NAME.matcher(v.metricName()).matches()) {
            add(TargetFeature.UTF8_NAMES, v.span());
        }
        for (LabelMatcher m : v.matchers()) {
            boolean name = m.name().equals("__name__");
            // A quoted metric name inside the braces is printed as a `__name__` matcher, which every release reads.
            if (!name && !LABEL_NAME.matcher(m.name()).matches()) {
                add(TargetFeature.UTF8_NAMES, m.span());
            }
        }
    }

    private void labels(List<String> names, Span where) {
        if (names.stream().anyMatch(n -> !LABEL_NAME.matcher(n).matches())) {
            add(TargetFeature.UTF8_NAMES, where);
        }
    }

    /** A literal or a constant is a plain duration; anything else is arithmetic. */
    private void duration(DurationExpr d, boolean signed) {
        DurationExpr core = signed && d instanceof DurationUnary u ? u.expr() : d;
        if (!(core instanceof DurationLiteral || core instanceof DurationRef)) {
            add(TargetFeature.DURATION_EXPRESSIONS, d.span());
        }
    }

    /** The span of the first {@code word.length()} characters of {@code span}: a function's name. */
    private static Span head(Span span, String word) {
        return span.isNone() ? span
                : new Span(span.file(), span.line(), span.column(), span.line(), span.column() + word.length());
    }

    // ---------------------------------------------------------------- alerts

    private void alerts(Project project) {
        AlertSources sources = AlertSources.of(project);
        for (AlertSources.Owned o : sources.alerts()) {
            Rule.Alert a = o.alert();
            if (a.keepFiringForMillis() > 0) {
                add(TargetFeature.KEEP_FIRING_FOR, a.textSpans().getOrDefault(Rule.Alert.KEEP_FIRING_FOR, a.span()));
            }
            a.annotations().forEach((name, value) -> template(value, sources.annotation(a, name)));
            a.labels().forEach((name, value) -> template(value, sources.label(a, name)));
        }
    }

    private void template(String text, Span literal) {
        if (text == null || !text.contains("{{")) {
            return;
        }
        for (TemplateChecker.FunctionUse f : TemplateChecker.check(text).functions()) {
            TargetFeature.ofTemplateFunction(f.name()).ifPresent(feature -> {
                Span at = AlertSources.at(literal, text, f.offset());
                // A point (not the whole literal, which is wider): stretch it over the function's name.
                add(feature, at.line() == at.endLine() && at.endColumn() == at.column() + 1 ? head(at, f.name()) : at);
            });
        }
    }

    // ---------------------------------------------------------------- Alertmanager

    private void routing(Routing routing) {
        for (Routing.Receiver r : routing.receivers()) {
            if (r.type() == null) {
                continue;
            }
            if (RECEIVER_TYPES.containsKey(r.type())) {
                add(RECEIVER_TYPES.get(r.type()), r.span());
            }
            RECEIVER_SETTINGS.getOrDefault(r.type(), Map.of()).forEach((setting, feature) -> {
                if (r.settings().containsKey(setting)) {
                    add(feature, r.spanOf(setting));
                }
            });
        }
        // Vigil writes every time interval under `time_intervals`, which serves both route keys.
        routing.timeIntervals().forEach(t -> add(TargetFeature.AM_TIME_INTERVALS, t.span()));
        activeIntervals(routing.routes());
    }

    private void activeIntervals(List<Routing.Route> routes) {
        for (Routing.Route r : routes) {
            for (Ref ref : r.activeTimeIntervals()) {
                add(TargetFeature.AM_TIME_INTERVALS, ref.span());
            }
            activeIntervals(r.children());
        }
    }
}
