package dev.vigil.compiler.importer;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an import read and wrote. {@code findings} are what {@code vigil check} reports on the written
 * sources before any baseline; {@code baselined} of them got a {@code vigil:ignore} comment, and
 * {@code errors} are the errors that remain, which nothing can suppress (or, without
 * {@code --baseline}, every error).
 */
public record ImportSummary(int filesRead, SortedMap<String, Integer> documents, int unrecognised, int services,
        int groups, int rules, int slos, int dashboards, int receivers, int dropped, int secrets, int findings, int baselined, int errors,
        int inputErrors) {
    public ImportSummary {
        documents = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(documents));
    }

    /** The summary as lines for a terminal; deterministic, in English. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("read ").append(filesRead).append(filesRead == 1 ? " file" : " files");
        for (Map.Entry<String, Integer> e : documents.entrySet()) {
            out.append(", ").append(e.getValue()).append(' ').append(e.getKey()).append(e.getValue() == 1 ? "" : "s");
        }
        if (unrecognised > 0) {
            out.append(", ").append(unrecognised).append(" not recognised");
        }
        out.append('\n');
        if (inputErrors > 0) {
            out.append("wrote nothing: ").append(inputErrors).append(inputErrors == 1 ? " error" : " errors")
                    .append(" in the input\n");
            return out.toString();
        }
        out.append("wrote ").append(services).append(services == 1 ? " service, " : " services, ")
                .append(groups).append(groups == 1 ? " group, " : " groups, ")
                .append(rules).append(rules == 1 ? " rule, " : " rules, ")
                .append(slos).append(slos == 1 ? " SLO, " : " SLOs, ")
                .append(dashboards).append(dashboards == 1 ? " dashboard, " : " dashboards, ")
                .append(receivers).append(receivers == 1 ? " receiver" : " receivers").append('\n');
        out.append("left out ").append(dropped).append(" (Import.Dropped), ").append(secrets)
                .append(secrets == 1 ? " inline secret" : " inline secrets").append(" replaced by a file (Secret.Inline)\n");
        out.append("vigil check finds ").append(findings).append(findings == 1 ? " finding" : " findings");
        if (baselined > 0) {
            out.append(", ").append(baselined).append(" suppressed by the baseline");
        }
        out.append("; ").append(errors).append(errors == 1 ? " error remains" : " errors remain").append('\n');
        return out.toString();
    }
}
