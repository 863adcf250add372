package dev.vigil.lsp.features.hints;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.analysis.Inferred;
import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.source.Span;
import dev.vigil.lsp.features.Handler;
import dev.vigil.lsp.features.RequestContext;
import dev.vigil.lsp.features.editing.Compiled;
import dev.vigil.lsp.text.LineIndex;
import dev.vigil.lsp.workspace.ProjectResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Inlay hints after each recording rule in the requested range: the labels the series it writes carry,
 * as the compiler's label inference sees them ({@link LabelInference#ruleSeries}): those every series has
 * first (with the value when one is fixed), then those only some may have, marked with {@code ?}, and
 * {@code …} when the series may carry labels nobody declared. A rule a template or a {@code for} block
 * writes several times shows what its expansions have in common. Hints come from the compilation of the
 * document's current version (built despite errors); for an older one there are none.
 */
public final class RecordingRuleHints implements Handler<InlayHintParams, List<InlayHint>> {
    /** Longer label lists are cut, the tooltip has them all. */
    private static final int MAX_LABELS = 12;

    @Override
    public List<InlayHint> handle(RequestContext context, InlayHintParams params) {
        Optional<Path> file = context.path(params.getTextDocument().getUri());
        if (file.isEmpty()) {
            return List.of();
        }
        Optional<Compiled> compiled = Compiled.of(context, file.get()).filter(Compiled::current);
        if (compiled.isEmpty()) {
            return List.of();
        }
        ProjectResult result = compiled.get().result();
        String display = compiled.get().display();
        Project model = result.result().analysed().map(CompileResult.Analysed::model)
                .orElse(result.result().project().orElse(null));
        LineIndex lines = result.lines(display).orElse(null);
        if (model == null || lines == null) {
            return List.of();
        }
        int from = lines.offset(params.getRange().getStart());
        int to = lines.offset(params.getRange().getEnd());
        // Each rule's text, with the series of every expansion of it.
        Map<String, Span> spans = new LinkedHashMap<>();
        Map<String, List<Rule.Recording>> rules = new LinkedHashMap<>();
        for (Service s : model.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Recording rec && rec.span() != null && !rec.span().isNone()
                            && rec.span().file().equals(display)) {
                        int end = lines.offset(rec.span().endLine(), rec.span().endColumn());
                        if (end >= from && end <= to) {
                            String key = rec.span().line() + ":" + rec.span().column() + ":" + end;
                            spans.putIfAbsent(key, rec.span());
                            rules.computeIfAbsent(key, k -> new ArrayList<>()).add(rec);
                        }
                    }
                }
            }
        }
        if (rules.isEmpty()) {
            return List.of();
        }
        LabelInference inference = LabelInference.forProject(model);
        List<InlayHint> out = new ArrayList<>();
        for (Map.Entry<String, List<Rule.Recording>> e : rules.entrySet()) {
            LabelSet labels = null;
            for (Rule.Recording rec : e.getValue()) {
                Inferred one = inference.ruleSeries(rec);
                labels = labels == null ? one.labels() : labels.union(one.labels());
            }
            Span span = spans.get(e.getKey());
            Position at = lines.position(lines.offset(span.endLine(), span.endColumn()));
            out.add(hint(at, labels, e.getValue().size()));
        }
        out.sort(java.util.Comparator.comparing((InlayHint h) -> h.getPosition().getLine())
                .thenComparing(h -> h.getPosition().getCharacter()));
        return out;
    }

    static InlayHint hint(Position at, LabelSet labels, int expansions) {
        List<String> shown = new ArrayList<>();
        List<String> definite = new ArrayList<>();
        List<String> possible = new ArrayList<>();
        for (LabelSet.Label l : labels.labels().values()) {
            if (l.definite()) {
                definite.add(l.value() == null ? l.name() : l.name() + "=\"" + l.value() + "\"");
            } else {
                possible.add(l.name() + "?");
            }
        }
        shown.addAll(definite);
        shown.addAll(possible);
        String text = shown.size() > MAX_LABELS
                ? String.join(", ", shown.subList(0, MAX_LABELS)) + ", +" + (shown.size() - MAX_LABELS)
                : String.join(", ", shown);
        if (labels.open()) {
            text = text.isEmpty() ? "…" : text + ", …";
        }
        InlayHint hint = new InlayHint(at, Either.forLeft("{" + text + "}"));
        hint.setKind(InlayHintKind.Type);
        hint.setPaddingLeft(true);
        StringBuilder tip = new StringBuilder("Labels of the series this rule writes");
        tip.append(expansions > 1 ? " (what its " + expansions + " expansions have in common)" : "").append(":\n\n");
        tip.append("- every series: ").append(definite.isEmpty() ? "none for certain" : code(definite)).append('\n');
        if (!possible.isEmpty()) {
            tip.append("- some series: ").append(code(possible.stream().map(p -> p.substring(0, p.length() - 1)).toList()))
                    .append('\n');
        }
        if (labels.open()) {
            tip.append("- and labels nobody declared (it reads a metric without a declaration)\n");
        }
        hint.setTooltip(Either.forRight(new MarkupContent(MarkupKind.MARKDOWN, tip.toString())));
        return hint;
    }

    private static String code(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }
}
