package dev.vigil.compiler.model;

import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.NumberLiteral;
import dev.vigil.compiler.promql.Paren;
import dev.vigil.compiler.promql.VectorMatching;
import dev.vigil.compiler.source.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A rule in a group: a recording rule or an alert. */
public sealed interface Rule {
    String name();

    Expr expr();

    Span span();

    record Recording(String name, Expr expr, SortedMap<String, String> labels, Span span) implements Rule {
        public Recording {
            labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        }
    }

    /**
     * An alert. Durations are in milliseconds (0 when absent). {@code guard} is the traffic expression
     * the alert is gated on, or null. {@code textSpans} locates label and annotation values written in
     * a rule file (keys from {@link #labelKey} and {@link #annotationKey}; Vigil sources leave them out),
     * and the value of {@code keep_firing_for} ({@link #KEEP_FIRING_FOR}) in either.
     *
     * <p>{@code labels} and {@code annotations} are, in the model the checks and emitters see (after
     * lowering), exactly what the emitted rule carries: for Vigil sources the service's labels,
     * {@code service}, {@code team}, {@code severity} and the alert's own labels by the precedence of
     * {@code lowering.AlertOutputs}, and the summary, description and links. Before lowering they hold
     * what the alert itself declares. Annotations keep their order.
     */
    record Alert(String name, Expr expr, long forMillis, long keepFiringForMillis, Ref severity,
            SortedMap<String, String> labels, Map<String, String> annotations, Expr guard, Ref panel,
            Runbook runbook, Origin origin, Span span, SortedMap<String, Span> textSpans) implements Rule {
        public Alert {
            labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
            annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
            origin = origin == null ? Origin.WRITTEN : origin;
            textSpans = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(textSpans));
        }

        /** An alert as written in Vigil sources, whose texts are located through its declaration. */
        public Alert(String name, Expr expr, long forMillis, long keepFiringForMillis, Ref severity,
                SortedMap<String, String> labels, Map<String, String> annotations, Expr guard, Ref panel,
                Runbook runbook, Span span) {
            this(name, expr, forMillis, keepFiringForMillis, severity, labels, annotations, guard, panel, runbook,
                    Origin.WRITTEN, span, new TreeMap<>());
        }

        public String summary() {
            return annotations.get("summary");
        }

        public String description() {
            return annotations.get("description");
        }

        /** This alert carrying {@code finalLabels} and {@code finalAnnotations}: what lowering decides. */
        public Alert withOutput(SortedMap<String, String> finalLabels, Map<String, String> finalAnnotations) {
            return new Alert(name, expr, forMillis, keepFiringForMillis, severity, finalLabels, finalAnnotations, guard,
                    panel, runbook, origin, span, textSpans);
        }

        /**
         * The expression the rule file carries: {@code (when) and on() (guard > 0)} with a guard, else
         * {@code when}. The {@code on()} makes the guard apply whatever labels the two sides carry;
         * without it a per-tenant condition {@code and}-ed with an aggregate guard would never match
         * (seed 001's pattern). A guard that is already a comparison is used as written.
         */
        public Expr emittedExpr() {
            if (guard == null || expr == null) {
                return expr;
            }
            Expr g = guard;
            if (!(g instanceof Binary b && b.op().isComparison())) {
                g = new Binary(BinaryOp.GTR, g, new NumberLiteral(0, "0", g.span()), false, null, g.span());
            }
            VectorMatching on = new VectorMatching(VectorMatching.Kind.ON, List.of(),
                    VectorMatching.Cardinality.ONE_TO_ONE, List.of(), null, null, g.span());
            return new Binary(BinaryOp.AND, new Paren(expr, expr.span()), new Paren(g, g.span()), false, on,
                    expr.span());
        }

        /** Key in {@link #textSpans} for the value of {@code keep_firing_for}. */
        public static final String KEEP_FIRING_FOR = "keep_firing_for";

        /** Key in {@link #textSpans} for the value of annotation {@code name}. */
        public static String annotationKey(String name) {
            return "annotations." + name;
        }

        /** Key in {@link #textSpans} for the value of label {@code name}. */
        public static String labelKey(String name) {
            return "labels." + name;
        }
    }

    /**
     * What a runbook says, beyond what the alert itself already defines. {@code url} is an external
     * runbook (a rule file's {@code runbook_url} annotation), or null.
     */
    record Runbook(String meaning, List<String> triage, List<Diagnosis> diagnoses, List<Remediation> remediations,
            List<String> escalation, List<Ref> related, String url, List<Alias> aliases) {
        public static final Runbook EMPTY = new Runbook(null, List.of(), List.of(), List.of(), List.of(), List.of());

        public Runbook {
            triage = List.copyOf(triage);
            diagnoses = List.copyOf(diagnoses);
            remediations = List.copyOf(remediations);
            escalation = List.copyOf(escalation);
            related = List.copyOf(related);
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        public Runbook(String meaning, List<String> triage, List<Diagnosis> diagnoses, List<Remediation> remediations,
                List<String> escalation, List<Ref> related, String url) {
            this(meaning, triage, diagnoses, remediations, escalation, related, url, List.of());
        }

        /** This runbook, also published under the alert's former names. */
        public Runbook withAliases(List<Alias> names) {
            return new Runbook(meaning, triage, diagnoses, remediations, escalation, related, url, names);
        }

        /** A runbook written in Vigil, with no external link. */
        public Runbook(String meaning, List<String> triage, List<Diagnosis> diagnoses, List<Remediation> remediations,
                List<String> escalation, List<Ref> related) {
            this(meaning, triage, diagnoses, remediations, escalation, related, null);
        }

        /** Only a link to a runbook kept elsewhere. */
        public static Runbook external(String url) {
            return new Runbook(null, List.of(), List.of(), List.of(), List.of(), List.of(), url);
        }
    }

    /** A name the alert had before ({@code aliases [..]}): its catalogue page redirects to the alert's own. */
    record Alias(String name, Span span) {
    }

    record Diagnosis(String title, Expr query, Span span) {
    }

    record Remediation(String text, String command, Span span) {
    }
}
