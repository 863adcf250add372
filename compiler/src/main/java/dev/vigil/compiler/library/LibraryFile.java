package dev.vigil.compiler.library;

/**
 * One {@code .vigil} file of a library.
 *
 * @param library the library's name, the folder below {@code META-INF/vigil/}
 * @param path    the file's path inside the library, with forward slashes, such as {@code alerts/http.vigil}
 */
public record LibraryFile(String library, String path) {
    /** The path diagnostics show for the file, which is also how a project imports it alone. */
    public String display() {
        return LibraryPath.SCHEME + library + "/" + path;
    }

    /** True for a path a diagnostic or a compile result shows for a library's file, not for a file on disk. */
    public static boolean isShownPath(String shown) {
        return shown.startsWith(LibraryPath.SCHEME);
    }

    /** The folder of the file inside its library, empty at the library's top, else ending in {@code /}. */
    String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }
}
