package dev.vigil.compiler.validate;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.diag.Suggest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the project's {@code checks { ... }} blocks into severity overrides: a check id or a family
 * to {@code error}, {@code warning}, {@code info} or {@code off} (mapped to null).
 */
public final class CheckOverrides {
    private CheckOverrides() {
    }

    /** Whether {@code key} names a built-in check or a family of them. */
    public static boolean isKnown(String key) {
        return knownKeys().contains(key);
    }

    /** The known check id or family nearest to a misspelt {@code key}, or null. */
    public static String closest(String key) {
        return Suggest.closest(key, knownKeys());
    }

    /** Whether {@code level} is one of {@code error}, {@code warning}, {@code info}, {@code off}. */
    public static boolean isLevel(String level) {
        return LEVELS.contains(level);
    }

    /** The severity a level sets; null for {@code off}. */
    public static Severity severity(String level) {
        return level.equals("off") ? null : Severity.parse(level);
    }

    private static final List<String> LEVELS = List.of("error", "warning", "info", "off");

    private static Set<String> knownKeys() {
        return Known.KEYS;
    }

    /** Built once, on first use: the registry does not change while the compiler runs. */
    private static final class Known {
        static final Set<String> KEYS = keys();

        private static Set<String> keys() {
            Set<String> known = new TreeSet<>();
            for (Validator v : Validators.builtIn().all()) {
                known.add(v.id());
                known.add(v.id().substring(0, v.id().indexOf('.')));
            }
            return java.util.Collections.unmodifiableSet(known);
        }
    }

    public static Map<String, Severity> read(List<VigilFile> files, DiagnosticSink sink) {
        Map<String, Severity> out = new HashMap<>();
        for (VigilFile f : files) {
            for (Decl d : f.decls()) {
                if (!(d instanceof Decl.ChecksDecl checks)) {
                    continue;
                }
                for (Decl.CheckOverride o : checks.overrides()) {
                    String key = o.check().toString();
                    if (!isKnown(key)) {
                        String near = closest(key);
                        sink.warning("Reference.UnknownCheck", o.check().span(), "No check is called `" + key + "`.",
                                near != null ? "Did you mean `" + near + "`?" : "`vigil --explain ID` describes a check.");
                        continue;
                    }
                    String level = o.level().text();
                    if (isLevel(level)) {
                        out.put(key, severity(level));
                    } else {
                        sink.error("Type.UnknownKind", o.level().span(), "`" + level + "` is not a severity for a check.",
                                "Use `error`, `warning`, `info` or `off`.");
                    }
                }
            }
        }
        return out;
    }
}
