package dev.vigil.compiler.model;

import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.source.Span;
import java.util.List;
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
     */
    record Alert(String name, Expr expr, long forMillis, long keepFiringForMillis, Ref severity,
            SortedMap<String, String> labels, String summary, String description, Expr guard,
            Ref panel, Runbook runbook, Span span, SortedMap<String, Span> textSpans) implements Rule {
        public Alert {
            labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
            textSpans = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(textSpans));
        }

        /** An alert whose texts are located through its declaration (Vigil sources). */
        public Alert(String name, Expr expr, long forMillis, long keepFiringForMillis, Ref severity,
                SortedMap<String, String> labels, String summary, String description, Expr guard,
                Ref panel, Runbook runbook, Span span) {
            this(name, expr, forMillis, keepFiringForMillis, severity, labels, summary, description, guard, panel,
                    runbook, span, new TreeMap<>());
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
            List<String> escalation, List<Ref> related, String url) {
        public static final Runbook EMPTY = new Runbook(null, List.of(), List.of(), List.of(), List.of(), List.of());

        public Runbook {
            triage = List.copyOf(triage);
            diagnoses = List.copyOf(diagnoses);
            remediations = List.copyOf(remediations);
            escalation = List.copyOf(escalation);
            related = List.copyOf(related);
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

    record Diagnosis(String title, Expr query, Span span) {
    }

    record Remediation(String text, String command, Span span) {
    }
}
