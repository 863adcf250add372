package dev.vigil.compiler.validate;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.diag.Suggest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the project's {@code checks { ... }} blocks into severity overrides: a check id or a family
 * to {@code error}, {@code warning}, {@code info} or {@code off} (mapped to null).
 */
public final class CheckOverrides {
    private CheckOverrides() {
    }

    public static Map<String, Severity> read(List<VigilFile> files, DiagnosticSink sink) {
        Set<String> ids = new HashSet<>();
        Set<String> families = new HashSet<>();
        for (Validator v : Validators.builtIn().all()) {
            ids.add(v.id());
            families.add(v.id().substring(0, v.id().indexOf('.')));
        }
        Map<String, Severity> out = new HashMap<>();
        for (VigilFile f : files) {
            for (Decl d : f.decls()) {
                if (!(d instanceof Decl.ChecksDecl checks)) {
                    continue;
                }
                for (Decl.CheckOverride o : checks.overrides()) {
                    String key = o.check().toString();
                    if (!ids.contains(key) && !families.contains(key)) {
                        Set<String> known = new HashSet<>(ids);
                        known.addAll(families);
                        String near = Suggest.closest(key, known);
                        sink.warning("Reference.UnknownCheck", o.check().span(), "No check is called `" + key + "`.",
                                near != null ? "Did you mean `" + near + "`?" : "`vigil --explain ID` describes a check.");
                        continue;
                    }
                    String level = o.level().text();
                    if (level.equals("off")) {
                        out.put(key, null);
                    } else if (List.of("error", "warning", "info").contains(level)) {
                        out.put(key, Severity.parse(level));
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
