package dev.delegatemcp.server.health;

import java.io.StringReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Looks once whether a dependency answers: one GET of its URL without credentials (nothing secret leaves the
 * server), within the time limit. The issuer answers with a JWK set holding at least one key (RFC 7517, section 5);
 * any other service answers when it sends any HTTP status below 500 (a token endpoint refuses a GET, a remote MCP
 * server asks for a token: both show it is there); a 5xx, typically from a gateway in front of it, or no answer at
 * all, means down. The reason given is a sentence for an operator, without the URL's path, query or any body.
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

    private final HttpClient client;
    private final Duration timeout;

    /** @param timeout for connecting and for the answer's status and body, each */
    public DependencyProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Starts the look; the future always completes normally, within about twice the time limit. */
    public CompletableFuture<Result> probe(Dependency dependency) {
        HttpRequest request = HttpRequest.newBuilder(dependency.url()).timeout(timeout).GET()
                .header("Accept", "application/json").build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .orTimeout(timeout.toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((response, failure) -> failure != null ? Result.down(why(failure))
                        : judge(dependency, response.statusCode(), response.body()));
    }

    static Result judge(Dependency dependency, int status, String body) {
        if (dependency.kind() == Dependency.Kind.ISSUER) {
            if (status != 200) {
                return Result.down("the JWK set answered HTTP " + status);
            }
            return hasKeys(body) ? Result.upResult() : Result.down("the answer is not a JWK set with keys");
        }
        return status < 500 ? Result.upResult() : Result.down("answered HTTP " + status);
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
        if (cause instanceof HttpTimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return "not reachable (" + cause.getClass().getSimpleName() + ")";
    }
}
