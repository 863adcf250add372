package dev.vigil.compiler.ast;

import dev.vigil.compiler.source.Span;
import java.util.List;

/** One parsed {@code .vigil} file. */
public record VigilFile(String path, List<Import> imports, List<Decl> decls, List<Comment> comments, Span span) {
    public VigilFile {
        imports = List.copyOf(imports);
        decls = List.copyOf(decls);
        comments = List.copyOf(comments);
    }

    /** {@code import "../common/defs.vigil"}: resolved against the importing file's directory. */
    public record Import(String path, Span span) {
    }
}
