package dev.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The one place Vigil opens a network connection, and only when the user names the URL: {@code vigil
 * import metrics --from http://...} reads a {@code /metrics} page or a Prometheus server's metadata and
 * series API with GET requests. SECURITY.md states this exception; NoNetworkTest allows only this class.
 */
final class MetricsFetch {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** An answer larger than this is refused rather than held in memory. */
    private static final int MAX_BYTES = 64 << 20;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Whether {@code from} is a URL rather than a file. */
    static boolean isUrl(String from) {
        return from.startsWith("http://") || from.startsWith("https://");
    }

    /** Whether the URL is an exporter's page of samples rather than a Prometheus server. */
    static boolean isMetricsPage(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.endsWith("/metrics") || path.endsWith("/federate");
    }

    /** The text of a {@code /metrics} page, in Prometheus's text format. */
    String page(URI uri) throws IOException {
        return get(uri, "text/plain;version=0.0.4;q=1.0,*/*;q=0.1");
    }

    /** {@code /api/v1/metadata} of the Prometheus at {@code base}. */
    String metadata(URI base) throws IOException {
        return get(api(base, "api/v1/metadata"), "application/json");
    }

    /**
     * {@code /api/v1/series} of the series whose name matches {@code nameRegex} in the last five minutes:
     * without a start, Prometheus would search its whole retention.
     */
    String series(URI base, String nameRegex) throws IOException {
        String selector = "{__name__=~\"" + nameRegex.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        // No end: it defaults to the newest sample, which a whole second of `now` could miss.
        long start = Instant.now().getEpochSecond() - 300;
        return get(api(base, "api/v1/series?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8)
                + "&start=" + start), "application/json");
    }

    private static URI api(URI base, String path) {
        String b = base.toString();
        return URI.create(b.endsWith("/") ? b + path : b + "/" + path);
    }

    private String get(URI uri, String accept) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", accept).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("GET " + uri + " answered " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IOException("GET " + uri + " answered more than " + (MAX_BYTES >> 20)
                            + " MiB; narrow it with --match");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("GET " + uri + " was interrupted", e);
        } catch (java.net.ConnectException e) {
            throw new IOException("nothing answers at " + uri.getHost() + ":" + uri.getPort(), e);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IOException("GET " + uri + " got no answer in time", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("GET " + uri + ": " + e.getMessage(), e);
        }
    }
}
