package dev.vigil.compiler.library;

import java.util.List;

/** Where an import into or inside a library leads. */
public sealed interface Resolution {
    /** The files to read, in a fixed order; {@code library} is the library they come from. */
    record Found(String library, List<LibraryFile> files) implements Resolution {
        public Found {
            files = List.copyOf(files);
        }
    }

    /** Nothing on the library path matches: an unknown library or file. The hint may be null. */
    record NotFound(String message, String hint) implements Resolution {
    }

    /** A path Vigil does not follow: absolute, leading out of its library, or not a {@code .vigil} file. */
    record Refused(String message, String hint) implements Resolution {
    }
}
