package dev.delegatemcp.server.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Looks once whether a dependency answers: one HTTP/1.1 GET of its URL without credentials (nothing secret leaves
 * the server), within the time limit. The issuer answers with a JWK set holding at least one key (RFC 7517, section
 * 5; its body read up to 1 MiB); any other service answers when it sends any HTTP status below 500 (a token endpoint
 * refuses a GET, a remote MCP server asks for a token: both show it is there), its body not read at all (a remote MCP
 * server may answer a GET with an event stream that never ends); a 5xx, typically from a gateway in front of it, or
 * no answer at all, means down. A look that is not over within twice the time limit is cancelled, its connection
 * closed. The reason given is a sentence for an operator, without the URL or any body.
 */
public class DependencyProbe {

    /** What one look found: up or down, and why when down. */
    public record Result(boolean up, String reason) {

        static Result upResult() {
            return new Result(true, null);
        }

        static Result down(String reason) {
            return new Result(false, reason);
        }
    }

    private static final int MAX_JWKS_BYTES = 1 << 20;

    private final HttpClient client;
    private final Duration timeout;

    /** @param timeout for connecting, and for the answer's status line and headers, each */
    public DependencyProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Starts the look; the future always completes normally, within about twice the time limit. */
    public CompletableFuture<Result> probe(Dependency dependency) {
        CompletableFuture<HttpResponse<InputStream>> sent;
        try {
            HttpRequest request = HttpRequest.newBuilder(dependency.url()).timeout(timeout).GET()
                    .header("Accept", "application/json").build();
            sent = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (RuntimeException e) { // a URL the client cannot use; its message would repeat the URL
            return CompletableFuture.completedFuture(Result.down("its URL cannot be used over HTTP"));
        }
        return sent.thenApply(response -> judge(dependency, response))
                .orTimeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS).handle((result, failure) -> {
                    if (failure == null) {
                        return result;
                    }
                    sent.cancel(true); // JDK 16+: aborts the exchange and closes its connection
                    sent.thenAccept(DependencyProbe::close); // a body that stalls: closing it ends the read
                    return Result.down(why(failure));
                });
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // closing only to give the connection up
        }
    }

    private static Result judge(Dependency dependency, HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (dependency.kind() != Dependency.Kind.ISSUER) {
                return status < 500 ? Result.upResult() : Result.down("answered HTTP " + status);
            }
            if (status != 200) {
                return Result.down("the JWK set answered HTTP " + status);
            }
            String text = new String(body.readNBytes(MAX_JWKS_BYTES), StandardCharsets.UTF_8);
            return hasKeys(text) ? Result.upResult() : Result.down("the answer is not a JWK set with keys");
        } catch (IOException e) {
            return Result.down("the answer broke off (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean hasKeys(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject set)) {
                return false;
            }
            JsonValue keys = set.get("keys");
            return keys != null && keys.getValueType() == JsonValue.ValueType.ARRAY && !keys.asJsonArray().isEmpty();
        } catch (JsonException | IllegalStateException e) {
            return false;
        }
    }

    private String why(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return "not reachable (" + cause.getClass().getSimpleName() + ")";
    }
}
