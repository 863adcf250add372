package dev.vigil.compiler.importer;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.yaml.YamlDocument;
import java.util.List;

/**
 * One kind of file teams already have (a Prometheus rule file, a Sloth spec, a Grafana dashboard),
 * turned into Vigil source. The kind is told from the document's content, never from its name.
 * Everything that does not map is a diagnostic at the input's position; nothing is dropped silently.
 */
public interface Importer {
    /** What the importer reads, for the summary and messages ("Prometheus rule file"). */
    String kind();

    /** Whether this document (one document of a possibly multi-document file) is of this kind. */
    boolean recognises(YamlDocument document);

    /** The Vigil sources the document becomes; problems and what was dropped are reported to {@code sink}. */
    List<ImportedSource> translate(YamlDocument document, DiagnosticSink sink);
}
