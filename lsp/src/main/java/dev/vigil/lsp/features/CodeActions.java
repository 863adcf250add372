package dev.vigil.lsp.features;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.lsp.text.LineIndex;
import dev.vigil.lsp.text.TextDocument;
import dev.vigil.lsp.workspace.ProjectResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Quick fixes: every reported finding with a {@link Fix} in the requested range offers it as a
 * {@code quickfix}, and the document offers {@value #FIX_ALL}, which applies every fix in it that does
 * not overlap an earlier one (a later pass offers the rest). Fixes come from the compilation of the
 * document's current version; for an older one nothing is offered.
 */
final class CodeActions implements Handler<CodeActionParams, List<Either<Command, CodeAction>>> {
    static final String FIX_ALL = CodeActionKind.SourceFixAll + ".vigil";

    private record Fixable(Diagnostic diagnostic, Range range, Range fixRange, int start, int end) {
    }

    @Override
    public void capabilities(ServerCapabilities capabilities) {
        capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix, FIX_ALL)));
    }

    @Override
    public List<Either<Command, CodeAction>> handle(RequestContext context, CodeActionParams params) {
        Optional<Path> file = context.path(params.getTextDocument().getUri());
        if (file.isEmpty()) {
            return List.of();
        }
        Optional<ProjectResult> compiled = context.compilation().resultFor(file.get());
        Optional<String> display = compiled.flatMap(r -> r.display(file.get()));
        if (display.isEmpty()) {
            return List.of();
        }
        ProjectResult result = compiled.get();
        Optional<TextDocument> open = context.snapshot().document(file.get());
        if (open.isPresent() && !result.version(file.get()).equals(Optional.of(open.get().version()))) {
            return List.of();
        }
        LineIndex lines = result.lines(display.get()).orElseThrow();
        List<Fixable> fixable = new ArrayList<>();
        for (Diagnostic d : result.diagnostics(file.get())) {
            Fix fix = d.fix();
            if (fix != null && fix.span().file().equals(display.get())) {
                int start = lines.offset(fix.span().line(), fix.span().column());
                int end = lines.offset(fix.span().endLine(), fix.span().endColumn());
                fixable.add(new Fixable(d, lines.range(d.span()), lines.range(fix.span()), start, end));
            }
        }
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        String uri = params.getTextDocument().getUri();
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        if (wants(only, CodeActionKind.QuickFix)) {
            for (Fixable f : fixable) {
                if (!intersects(f.range(), params.getRange()) && !intersects(f.fixRange(), params.getRange())) {
                    continue;
                }
                CodeAction action = new CodeAction(f.diagnostic().fix().description());
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(context.diagnostics().convert(f.diagnostic(), result, context.uris())));
                action.setIsPreferred(true);
                action.setEdit(edit(uri, List.of(f)));
                out.add(Either.forRight(action));
            }
        }
        if (wants(only, FIX_ALL) && !fixable.isEmpty()) {
            List<Fixable> chosen = new ArrayList<>();
            fixable.sort(Comparator.comparingInt(Fixable::start).thenComparingInt(Fixable::end));
            int at = 0;
            for (Fixable f : fixable) {
                if (f.start() >= at) {
                    chosen.add(f);
                    at = Math.max(f.start(), f.end());
                }
            }
            CodeAction all = new CodeAction("Apply every Vigil fix in the file (" + chosen.size() + ")");
            all.setKind(FIX_ALL);
            all.setEdit(edit(uri, chosen));
            out.add(Either.forRight(all));
        }
        return out;
    }

    private static WorkspaceEdit edit(String uri, List<Fixable> fixes) {
        List<TextEdit> edits = fixes.stream().map(f -> new TextEdit(f.fixRange(), f.diagnostic().fix().replacement()))
                .toList();
        return new WorkspaceEdit(Map.of(uri, edits));
    }

    /** Whether the client asked for {@code kind}: it asked for nothing in particular, or for a kind above it. */
    static boolean wants(List<String> only, String kind) {
        return only == null || only.isEmpty() || only.stream().anyMatch(k -> kind.equals(k) || kind.startsWith(k + "."));
    }

    static boolean intersects(Range a, Range b) {
        return !before(a.getEnd(), b.getStart()) && !before(b.getEnd(), a.getStart());
    }

    private static boolean before(Position x, Position y) {
        return x.getLine() < y.getLine() || (x.getLine() == y.getLine() && x.getCharacter() < y.getCharacter());
    }
}
