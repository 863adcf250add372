package dev.vigil.lsp.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** A client that records what the server sends it: published diagnostics, messages, edits and registrations. */
public final class StubClient implements LanguageClient {
    public final List<PublishDiagnosticsParams> published = new ArrayList<>();
    public final List<MessageParams> logged = new ArrayList<>();
    public final List<MessageParams> shown = new ArrayList<>();
    public final List<ApplyWorkspaceEditParams> applied = new ArrayList<>();
    public final List<RegistrationParams> registered = new ArrayList<>();

    @Override
    public synchronized void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        published.add(diagnostics);
    }

    @Override
    public synchronized void logMessage(MessageParams message) {
        logged.add(message);
    }

    @Override
    public synchronized void showMessage(MessageParams message) {
        shown.add(message);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
        synchronized (this) {
            shown.add(new MessageParams(request.getType(), request.getMessage()));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams params) {
        applied.add(params);
        return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(true));
    }

    @Override
    public synchronized CompletableFuture<Void> registerCapability(RegistrationParams params) {
        registered.add(params);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unregisterCapability(UnregistrationParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    /** Every publication so far, in order. */
    public synchronized List<PublishDiagnosticsParams> publications() {
        return List.copyOf(published);
    }

    /** The last publication for {@code uri}, or null. */
    public synchronized PublishDiagnosticsParams last(String uri) {
        for (int i = published.size() - 1; i >= 0; i--) {
            if (published.get(i).getUri().equals(uri)) {
                return published.get(i);
            }
        }
        return null;
    }

    /** Log lines at error level: internal errors of the server. */
    public synchronized List<String> errors() {
        return logged.stream().filter(m -> m.getType() == MessageType.Error).map(MessageParams::getMessage).toList();
    }

    public synchronized void clear() {
        published.clear();
        logged.clear();
    }
}
