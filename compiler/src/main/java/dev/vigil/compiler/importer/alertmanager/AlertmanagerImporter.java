package dev.vigil.compiler.importer.alertmanager;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.importer.ImportRun;
import dev.vigil.compiler.importer.ImportedSource;
import dev.vigil.compiler.importer.Importer;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.yaml.AlertmanagerConfigReader;
import dev.vigil.compiler.yaml.YamlDocument;
import java.util.List;

/**
 * Alertmanager configurations, into the language's {@code routing} block. Routes, inhibitions and
 * time intervals come from the reader {@code vigil lint} uses, so a configuration is refused for what
 * Alertmanager refuses; receivers are read here, since the language keeps their settings. An inline
 * secret is never copied: its {@code *_file} form is written with a placeholder path (or, for a
 * setting the language has no file form of, the setting is left out), and the reader's
 * {@code Secret.Inline} error becomes a warning that says so.
 */
public final class AlertmanagerImporter implements Importer {
    @Override
    public String kind() {
        return "Alertmanager configuration";
    }

    @Override
    public boolean recognises(YamlDocument document) {
        return AlertmanagerConfigReader.recognises(document.root());
    }

    @Override
    public List<ImportedSource> translate(YamlDocument document, DiagnosticSink sink) {
        DiagnosticSink read = new DiagnosticSink();
        Routing routing = AlertmanagerConfigReader.read(document, read);
        for (Diagnostic d : read.sorted()) {
            sink.report(d.code().equals(Ids.SECRET_INLINE)
                    ? new Diagnostic(d.code(), Severity.WARNING, d.span(), d.message(),
                            "`vigil import` did not copy it: it wrote the setting's `_file` form with a placeholder "
                                    + "path (put the secret in that file), or left the setting out (Import.Dropped).",
                            null)
                    : d);
        }
        return List.of(new ImportedSource(ImportRun.ROUTING, RoutingText.of(document, routing, sink)));
    }
}
