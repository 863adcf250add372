package dev.vigil.compiler.validate;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.CheckLevel;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.diag.Suggest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the project's {@code checks { ... }} blocks into levels: a check id or a family to
 * {@code error}, {@code warning}, {@code info} or {@code off}. Anything but {@code error} lowers or
 * silences a check, and needs a reason, as a {@code vigil:ignore} comment does.
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

    /** The level {@code level} names, with {@code reason} (null or blank when none was given). */
    public static CheckLevel level(String level, String reason) {
        return new CheckLevel(level.equals("off") ? null : Severity.parse(level), reason == null ? null : reason.strip());
    }

    /** Whether a level needs a reason: it lowers or silences the check. */
    public static boolean needsReason(CheckLevel level) {
        return level.severity() != Severity.ERROR;
    }

    /** Whether the level gives the reason it needs. */
    public static boolean reasoned(CheckLevel level) {
        return !needsReason(level) || (level.reason() != null && !level.reason().isBlank());
    }

    private static final List<String> LEVELS = List.of("error", "warning", "info", "off");

    /**
     * The checks of what the emitters make, which only the build tools run, after the compiler (the
     * targets' {@code OutputLimits}); their findings are settled with the compiler's, so a project
     * lowers or silences them like a validator's.
     */
    public static final List<String> OUTPUT_CHECKS = List.of(Ids.OUTPUT_TOO_LARGE);

    private static Set<String> knownKeys() {
        return Known.KEYS;
    }

    /** Built once, on first use: the registry does not change while the compiler runs. */
    private static final class Known {
        static final Set<String> KEYS = keys();

        private static Set<String> keys() {
            Set<String> known = new TreeSet<>();
            List<String> ids = new java.util.ArrayList<>(OUTPUT_CHECKS);
            Validators.builtIn().all().forEach(v -> ids.add(v.id()));
            for (String id : ids) {
                known.add(id);
                known.add(id.substring(0, id.indexOf('.')));
            }
            return java.util.Collections.unmodifiableSet(known);
        }
    }

    public static Map<String, CheckLevel> read(List<VigilFile> files, DiagnosticSink sink) {
        Map<String, CheckLevel> out = new HashMap<>();
        for (VigilFile f : files) {
            for (Decl d : f.decls()) {
                if (!(d instanceof Decl.ChecksDecl checks)) {
                    continue;
                }
                for (Decl.CheckOverride o : checks.overrides()) {
                    String key = o.check().toString();
                    if (!isKnown(key)) {
                        String near = closest(key);
                        sink.warning(Ids.REFERENCE_UNKNOWN_CHECK, o.check().span(), "No check is called `" + key + "`.",
                                near != null ? "Did you mean `" + near + "`?" : "`vigil --explain ID` describes a check.");
                        continue;
                    }
                    String level = o.level().text();
                    if (!isLevel(level)) {
                        sink.error(Ids.TYPE_UNKNOWN_KIND, o.level().span(), "`" + level + "` is not a severity for a check.",
                                "Use `error`, `warning`, `info` or `off`.");
                    } else if (!reasoned(level(level, o.reason()))) {
                        sink.error(Ids.SUPPRESSION_MISSING_REASON, o.level().span(), "Setting `" + key + "` to `" + level
                                + "` gives no reason.", "Say why after the level, `" + key + " " + level
                                        + " \"...\"`: it is what a reviewer reads, and it stays with every finding it "
                                        + "silences.");
                    } else {
                        out.put(key, level(level, o.reason()));
                    }
                }
            }
        }
        return out;
    }
}
