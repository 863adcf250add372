package dev.vigil.compiler.ast;

import dev.vigil.compiler.source.Span;
import java.util.List;
import java.util.Set;

/**
 * One parsed {@code .vigil} file. A file with syntax errors still has every declaration that was
 * complete; each damaged one is left out and listed in {@code broken} with the names it mentions,
 * so that nothing elsewhere is reported as unknown because of it.
 */
public record VigilFile(String path, List<Import> imports, List<Decl> decls, List<Comment> comments, Span span,
        List<Broken> broken) {
    public VigilFile {
        imports = List.copyOf(imports);
        decls = List.copyOf(decls);
        comments = List.copyOf(comments);
        broken = List.copyOf(broken);
    }

    public VigilFile(String path, List<Import> imports, List<Decl> decls, List<Comment> comments, Span span) {
        this(path, imports, decls, comments, span, List.of());
    }

    /** Whether the parser had to leave something out of this file. */
    public boolean damaged() {
        return !broken.isEmpty();
    }

    /** {@code import "../common/defs.vigil"}: resolved against the importing file's directory. */
    public record Import(String path, Span span) {
    }

    /**
     * A declaration the parser could not complete: its first word ({@code alert}, {@code route}, or
     * empty when it has none), where it stands, and every name, string and constant written in it.
     */
    public record Broken(String keyword, Span span, Set<String> names) {
        public Broken {
            names = Set.copyOf(names);
        }
    }
}
