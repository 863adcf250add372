package dev.vigil.compiler.library;

import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.io.FileOps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The jars and directories a project takes libraries from, in order of precedence. A library is a
 * folder {@code META-INF/vigil/<library>/} holding {@code .vigil} files; a project imports all of
 * them with {@code import "lib:<library>"} or one with {@code import "lib:<library>/<path>.vigil"}.
 * When several entries carry the same library, the first one's files are used, all of them.
 * Jars that carry a library stay open until {@link #close()}.
 */
public final class LibraryPath implements AutoCloseable {
    /** How an import names a library instead of a file. */
    public static final String SCHEME = "lib:";
    /** Where libraries live in a jar or directory. */
    public static final String FOLDER = "META-INF/vigil/";

    private static final String EXTENSION = ".vigil";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** How many names a hint lists before it stops. */
    private static final int LISTED = 10;

    /** A library as one entry of the path carries it: its files, sorted; {@code jar} is null for a directory. */
    private record Carried(Path root, ZipFile jar, SortedSet<String> files) {
    }

    /** Why the library path cannot be used at all: an entry that is missing or neither a directory nor a jar. */
    public static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    private final List<Path> roots;
    private final Map<String, List<Carried>> libraries;
    private final List<ZipFile> open;

    private LibraryPath(List<Path> roots, Map<String, List<Carried>> libraries, List<ZipFile> open) {
        this.roots = List.copyOf(roots);
        this.libraries = libraries;
        this.open = open;
    }

    /** The library Vigil ships, {@code std}: metric declarations of common exporters. */
    public static final String STANDARD = "std";

    /**
     * The jar (or class directory) Vigil's compiler is loaded from, which carries {@link #STANDARD}. It leads
     * every library path, so {@code lib:std} is always Vigil's own; empty when the location is unknown.
     */
    public static Optional<Path> builtIn() {
        try {
            java.security.CodeSource source = LibraryPath.class.getProtectionDomain().getCodeSource();
            if (source == null || !"file".equals(source.getLocation().getProtocol())) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.exists(location) ? Optional.of(location) : Optional.empty();
        } catch (java.net.URISyntaxException | java.nio.file.FileSystemNotFoundException | IllegalArgumentException
                | SecurityException e) {
            // Loaded from somewhere that is not a file (a nested jar): no standard library, rather than a failure.
            return Optional.empty();
        }
    }

    /** True for an import that names a library, {@code lib:...}, rather than a file. */
    public static boolean isLibraryImport(String importPath) {
        return importPath.startsWith(SCHEME);
    }

    /** Indexes the libraries of every entry; jars without any are closed again at once. */
    public static LibraryPath open(List<Path> path) throws Unusable {
        return open(Optional.empty(), path);
    }

    /**
     * As {@link #open(List)}, with Vigil's own {@link #STANDARD} library before every entry. It is not an entry
     * of the path: hints and {@link #carriers()} name only the user's.
     */
    public static LibraryPath withStandard(List<Path> path) throws Unusable {
        return open(builtIn(), path);
    }

    private static LibraryPath open(Optional<Path> standard, List<Path> path) throws Unusable {
        // An entry named twice is one entry, not a library carried twice.
        List<Path> roots = path.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        Map<String, List<Carried>> libraries = new TreeMap<>();
        List<ZipFile> open = new ArrayList<>();
        List<Path> scanned = new ArrayList<>();
        standard.map(p -> p.toAbsolutePath().normalize()).filter(p -> !roots.contains(p)).ifPresent(scanned::add);
        scanned.addAll(roots);
        try {
            for (Path root : scanned) {
                Map<String, SortedSet<String>> found = new TreeMap<>();
                ZipFile jar = null;
                if (Files.isDirectory(root)) {
                    scanDirectory(root, found);
                } else if (Files.isRegularFile(root)) {
                    jar = openJar(root);
                    scanJar(jar, found);
                    if (found.isEmpty()) {
                        jar.close();
                    } else {
                        open.add(jar);
                    }
                } else {
                    throw new Unusable("The library path entry " + root + " does not exist.");
                }
                if (!roots.contains(root)) {
                    found.keySet().retainAll(Set.of(STANDARD));
                }
                for (Map.Entry<String, SortedSet<String>> e : found.entrySet()) {
                    libraries.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(new Carried(root, jar, Collections.unmodifiableSortedSet(e.getValue())));
                }
            }
        } catch (java.io.UncheckedIOException e) {
            closeAll(open);
            throw new Unusable("The library path cannot be read: " + reason(e.getCause()) + ".");
        } catch (IOException e) {
            closeAll(open);
            throw new Unusable("The library path cannot be read: " + reason(e) + ".");
        } catch (Unusable | RuntimeException e) {
            closeAll(open);
            throw e;
        }
        return new LibraryPath(roots, libraries, open);
    }

    private static ZipFile openJar(Path root) throws Unusable {
        try {
            return new ZipFile(root.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new Unusable("The library path entry " + root + " is neither a directory nor a jar.");
        } catch (IOException e) {
            throw new Unusable("The library path entry " + root + " cannot be read: " + reason(e) + ".");
        }
    }

    private static void scanJar(ZipFile jar, Map<String, SortedSet<String>> found) {
        Enumeration<? extends ZipEntry> all = jar.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            if (!entry.isDirectory() && entry.getName().startsWith(FOLDER)) {
                add(entry.getName().substring(FOLDER.length()), found);
            }
        }
    }

    private static void scanDirectory(Path root, Map<String, SortedSet<String>> found) throws IOException {
        Path folder = root.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    add(folder.relativize(f).toString().replace('\\', '/'), found);
                }
            }
        }
    }

    /** Records {@code <library>/<path>} when it is a well-formed name and a {@code .vigil} path that stays inside. */
    private static void add(String entry, Map<String, SortedSet<String>> found) {
        int slash = entry.indexOf('/');
        if (slash <= 0) {
            return;
        }
        String library = entry.substring(0, slash);
        String file = entry.substring(slash + 1);
        if (NAME.matcher(library).matches() && file.endsWith(EXTENSION) && normalize("", file).equals(file)) {
            found.computeIfAbsent(library, k -> new TreeSet<>()).add(file);
        }
    }

    /** The libraries on the path, sorted. */
    public SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(libraries.keySet()));
    }

    /** Every entry that carries {@code library}, in path order: the first is the one used. */
    public List<Path> carriers(String library) {
        return libraries.getOrDefault(library, List.of()).stream().map(Carried::root).toList();
    }

    /** Every entry that carries some library, in path order, once each. */
    public List<Path> carriers() {
        Set<Path> carrying = new HashSet<>();
        libraries.values().forEach(c -> c.forEach(one -> carrying.add(one.root())));
        return roots.stream().filter(carrying::contains).distinct().toList();
    }

    /** Resolves {@code lib:<library>} or {@code lib:<library>/<path>.vigil}. */
    public Resolution resolve(String importPath) {
        String rest = importPath.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        if (!NAME.matcher(name).matches()) {
            return new Resolution.NotFound("The import `" + importPath + "` names no library.",
                    "Write `lib:<library>` for all files of a library, or `lib:<library>/<path>.vigil` for one.");
        }
        List<Carried> carried = libraries.get(name);
        if (carried == null) {
            return unknownLibrary(name);
        }
        if (slash < 0) {
            return new Resolution.Found(name, carried.get(0).files().stream().map(f -> new LibraryFile(name, f)).toList());
        }
        return file(name, "", rest.substring(slash + 1), importPath);
    }

    /** Resolves an import written in a library's file that does not start with {@code lib:}: relative to that file. */
    public Resolution resolveRelative(LibraryFile from, String importPath) {
        return file(from.library(), from.folder(), importPath, importPath);
    }

    private Resolution file(String library, String folder, String path, String written) {
        if (path.startsWith("/") || path.matches("[A-Za-z]:.*")) {
            return new Resolution.Refused("The import `" + written + "` is an absolute path, which a library's "
                    + "files cannot import.", "Import a file of the same library by its path relative to the importing "
                    + "file, or another library with `lib:<library>`.");
        }
        if (path.contains("\\")) {
            return new Resolution.Refused("The import `" + written + "` contains `\\`; paths inside a library are "
                    + "written with `/`.", null);
        }
        String normalized = normalize(folder, path);
        if (normalized == null) {
            return new Resolution.Refused("The import `" + written + "` leads out of the library `" + library + "`.",
                    "A library's files import each other by paths inside it, and other libraries with `lib:<library>`.");
        }
        if (!normalized.endsWith(EXTENSION)) {
            return new Resolution.Refused("The import `" + written + "` names `" + normalized + "` in the library `"
                    + library + "`, which is not a `.vigil` file.", "Only `.vigil` files can be imported.");
        }
        SortedSet<String> files = libraries.get(library).get(0).files();
        if (!files.contains(normalized)) {
            String near = Suggest.closest(normalized, files);
            return new Resolution.NotFound("The library `" + library + "` has no file `" + normalized + "`.",
                    near != null ? "Did you mean `" + SCHEME + library + "/" + near + "`?"
                            : "Its files are " + listed(files) + ".");
        }
        return new Resolution.Found(library, List.of(new LibraryFile(library, normalized)));
    }

    private Resolution unknownLibrary(String name) {
        String message = "No library `" + name + "` is on the library path.";
        int entries = roots.size();
        // The user's libraries: what the hints list, since Vigil's own is always there.
        Set<String> own = new TreeSet<>();
        libraries.forEach((library, carried) -> {
            if (carried.stream().anyMatch(c -> roots.contains(c.root()))) {
                own.add(library);
            }
        });
        // `std` is suggested for a slip of one letter or two swapped: three letters are close to too many names.
        String near = Suggest.closest(name, own);
        if (near == null && (Suggest.distance(name, STANDARD) <= 1 || swapped(name, STANDARD))) {
            near = STANDARD;
        }
        if (near != null) {
            return new Resolution.NotFound(message, "Did you mean `" + SCHEME + near + "`?");
        }
        if (own.isEmpty()) {
            return new Resolution.NotFound(message, entries == 0
                    ? "The library path is empty: give the jar or directory that holds the library with `--library`, "
                            + "or add the library's jar as a dependency of the Maven project."
                    : "None of its " + entries + (entries == 1 ? " entry holds" : " entries hold")
                            + " a library, a folder `" + FOLDER + "<library>/` of `.vigil` files.");
        }
        return new Resolution.NotFound(message, "The library path holds " + listed(own) + ".");
    }

    /** Whether {@code a} is {@code b} with two neighbouring letters swapped. */
    private static boolean swapped(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i + 1 < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                        && a.substring(i + 2).equals(b.substring(i + 2));
            }
        }
        return false;
    }

    private static String listed(java.util.Collection<String> names) {
        String shown = names.stream().sorted().limit(LISTED).map(n -> "`" + n + "`").collect(Collectors.joining(", "));
        return names.size() > LISTED ? shown + " and " + (names.size() - LISTED) + " more" : shown;
    }

    /**
     * {@code path} taken from {@code folder} with {@code .} and {@code ..} applied and empty segments dropped; null
     * when it climbs above the library's top.
     */
    static String normalize(String folder, String path) {
        List<String> out = new ArrayList<>();
        for (String segment : (folder + path).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (out.isEmpty()) {
                    return null;
                }
                out.remove(out.size() - 1);
            } else {
                out.add(segment);
            }
        }
        return String.join("/", out);
    }

    /** The size the file's entry claims, checked against the reading limit before it is read. */
    public long size(LibraryFile file) throws IOException {
        Carried c = used(file);
        if (c.jar() == null) {
            return Files.size(c.root().resolve(FOLDER + file.library() + "/" + file.path()));
        }
        ZipEntry entry = entry(c, file);
        return Math.max(0, entry.getSize());
    }

    /** The file's bytes, at most {@code limit + 1}: a jar entry may hold more than it claims. */
    public byte[] read(LibraryFile file, long limit) throws IOException {
        Carried c = used(file);
        if (c.jar() == null) {
            return FileOps.current().read(c.root().resolve(FOLDER + file.library() + "/" + file.path()));
        }
        try (InputStream in = c.jar().getInputStream(entry(c, file))) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
    }

    private Carried used(LibraryFile file) {
        List<Carried> carried = libraries.get(file.library());
        if (carried == null || !carried.get(0).files().contains(file.path())) {
            throw new IllegalArgumentException("not a file of the library path: " + file.display());
        }
        return carried.get(0);
    }

    private static ZipEntry entry(Carried c, LibraryFile file) throws IOException {
        ZipEntry entry = c.jar().getEntry(FOLDER + file.library() + "/" + file.path());
        if (entry == null) {
            throw new NoSuchFileException(c.root() + "!/" + FOLDER + file.library() + "/" + file.path());
        }
        return entry;
    }

    @Override
    public void close() {
        closeAll(open);
    }

    private static void closeAll(List<ZipFile> jars) {
        for (ZipFile jar : jars) {
            try {
                jar.close();
            } catch (IOException e) {
                // Only read from; nothing is lost when closing fails.
            }
        }
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() != null ? e.getMessage() : "an I/O error";
    }
}
