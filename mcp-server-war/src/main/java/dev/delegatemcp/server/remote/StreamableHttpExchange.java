package dev.delegatemcp.server.remote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.server.telemetry.McpOperation;
import dev.delegatemcp.server.telemetry.McpTelemetry;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcReply;

/**
 * One HTTP exchange of MCP's Streamable HTTP transport (MCP 2025-11-25, Transports, Streamable HTTP, Sending Messages
 * to the Server): POSTs one JSON-RPC message with {@code Content-Type: application/json}, {@code Accept:
 * application/json, text/event-stream}, the credential's header, and the session's {@code Mcp-Session-Id} and
 * {@code MCP-Protocol-Version} when known, and the W3C {@code traceparent}/{@code tracestate} of the MCP request it
 * is made for, if any; reads the answer.
 *
 * <ul>
 * <li><b>Bodies read</b>: of a request's 2xx answer, {@code application/json} (one JSON-RPC response, at most
 * {@value #MAX_BODY_BYTES} bytes) or {@code text/event-stream} (read until the response, see
 * {@link EventStreamReplySubscriber}); of a 400 (and of a stateless request's 404), a JSON body, which may be a
 * JSON-RPC error. Other bodies, and every
 * body of a notification's answer, are discarded unread.</li>
 * <li><b>Time</b>: the whole exchange (headers and body) is bounded by the request timeout; a time-out cancels it
 * and is not retried.</li>
 * <li><b>Failures</b> throw {@link dev.delegatemcp.api.RemoteMcpException} through {@link RemoteMcpFailures}: no answer
 * is "unreachable" (with the {@link IOException} as cause, never the JDK's header message); a body that is not MCP
 * (not JSON, not the response, too large) is "not MCP". Statuses are not judged here, except that they decide which
 * bodies are read: {@link RemoteMcpSession} does.</li>
 * <li><b>Logging</b>: FINE, the target name, the MCP method and the HTTP status (or that no answer came). Never a
 * token or header.</li>
 * </ul>
 * Thread-safe (holds no state of its own); the session decides what is sent.
 */
final class StreamableHttpExchange {

    /** The largest response body (JSON) or server-sent event accepted. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    static final String APPLICATION_JSON = "application/json";
    static final String EVENT_STREAM = EventStreamReplySubscriber.EVENT_STREAM;

    private static final Logger LOG = Logger.getLogger(StreamableHttpExchange.class.getName());

    private final URI url;
    private final HttpClient http;
    private final Duration timeout;
    private final RemoteMcpFailures failures;
    private final Optional<TraceContext> trace;
    private final McpTelemetry telemetry;

    /**
     * @param url the remote server's MCP endpoint
     * @param http the client to send with
     * @param timeout the time limit of the whole exchange
     * @param failures the target's failures
     */
    StreamableHttpExchange(URI url, HttpClient http, Duration timeout, RemoteMcpFailures failures) {
        this(url, http, timeout, failures, Optional.empty(), McpTelemetry.off());
    }

    /**
     * @param trace the trace context of the MCP request this exchange serves, sent on every POST
     * @param telemetry makes each POST a CLIENT span, whose context is then sent instead
     */
    StreamableHttpExchange(URI url, HttpClient http, Duration timeout, RemoteMcpFailures failures,
            Optional<TraceContext> trace, McpTelemetry telemetry) {
        this.trace = trace;
        this.telemetry = telemetry;
        this.url = url;
        this.http = http;
        this.timeout = timeout;
        this.failures = failures;
    }

    /**
     * Posts one JSON-RPC message (a record of mcp-wire, written by {@link WireJson}).
     *
     * @param method the MCP method, for the log line
     * @param message the request or notification
     * @param expectedId the request's id, or null for a notification (the answer's body is then not read)
     * @param credential sets its header on the request ({@link DownstreamCredential#applyTo})
     * @param sessionId the {@code Mcp-Session-Id} to send, or null
     * @param protocolVersion the {@code MCP-Protocol-Version} to send, or null (before initialize completes)
     */
    HttpReply post(String method, Object message, Integer expectedId, DownstreamCredential credential,
            String sessionId, String protocolVersion) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (sessionId != null) {
            headers.put("Mcp-Session-Id", sessionId);
        }
        if (protocolVersion != null) {
            headers.put("MCP-Protocol-Version", protocolVersion);
        }
        return send(method, message, expectedId, credential, headers, sessionId != null, false, false);
    }

    /**
     * Posts one stateless request (MCP 2026-07-28, Transports, Streamable HTTP): no session; the request's own
     * headers ({@code MCP-Protocol-Version}, {@code Mcp-Method}, {@code Mcp-Name}, see {@link StatelessRequest}).
     * Besides the JSON bodies of 2xx and 400 answers, that of a 404 is read too: a modern server answers an unknown
     * method with 404 and a JSON-RPC error, which tells it from a legacy server's 404 (Protocol Version Header).
     *
     * @param request the framed request
     * @param credential sets its header on the request
     */
    HttpReply postStateless(StatelessRequest request, DownstreamCredential credential) {
        return send(request.method(), request.message(), request.id(), credential, request.headers(), false, true,
                false);
    }

    /**
     * Posts the era probe, a stateless {@code server/discover} ({@link RemoteEraProbe}): as
     * {@link #postStateless}, except that a JSON body that is not the JSON-RPC response to it reads as no reply,
     * whatever the status, instead of "not MCP": any such answer only says that the server is not modern.
     */
    HttpReply probe(StatelessRequest request, DownstreamCredential credential) {
        return send(request.method(), request.message(), request.id(), credential, request.headers(), false, true,
                true);
    }

    private HttpReply send(String method, Object message, Integer expectedId, DownstreamCredential credential,
            Map<String, String> headers, boolean sentSession, boolean readNotFound, boolean lenient) {
        McpOperation operation = telemetry.send(method, url);
        try {
            HttpReply reply = send(operation, method, message, expectedId, credential, headers, sentSession,
                    readNotFound, lenient);
            if (lenient) {
                // the era probe: an error answer only says that the server speaks the older revision
            } else if (reply.reply() != null && reply.reply().error() != null) {
                operation.failed(reply.reply().error().code(), reply.reply().error().message());
            } else if (!reply.isSuccess()) {
                operation.failedWithStatus(reply.status());
            } else if (reply.reply() != null) {
                operation.result(reply.reply().result());
            }
            return reply;
        } catch (RuntimeException e) {
            operation.failed(e);
            throw e;
        } finally {
            operation.end();
        }
    }

    private HttpReply send(McpOperation operation, String method, Object message, Integer expectedId,
            DownstreamCredential credential, Map<String, String> headers, boolean sentSession, boolean readNotFound,
            boolean lenient) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", APPLICATION_JSON)
                .header("Accept", APPLICATION_JSON + ", " + EVENT_STREAM);
        try {
            credential.applyTo(request::header);
        } catch (IllegalArgumentException e) {
            // The JDK's message for an invalid header value contains the value: never pass it on.
            throw failures.notAccepted();
        }
        headers.forEach(request::header);
        operation.traceContext(trace).ifPresent(context -> context.applyTo(request::header));
        request.POST(HttpRequest.BodyPublishers.ofString(WireJson.toJson(message), StandardCharsets.UTF_8));

        HttpResponse<ExchangeBody> response = await(method, http.sendAsync(request.build(),
                info -> bodySubscriber(info, expectedId, readNotFound)));
        int status = response.statusCode();
        LOG.log(Level.FINE, "Remote MCP {0} {1}: HTTP {2}", new Object[] {failures.target(), method, status});
        String issuedSession = response.headers().firstValue("Mcp-Session-Id").orElse(null);
        ExchangeBody body = response.body();
        if (body == null) {
            return new HttpReply(status, sentSession, issuedSession, null, null);
        }
        JsonRpcReply reply = body.json() == null ? body.reply() : jsonReply(body.json(), expectedId, status, lenient);
        return new HttpReply(status, sentSession, issuedSession, body.mediaType(), reply);
    }

    private HttpResponse<ExchangeBody> await(String method, CompletableFuture<HttpResponse<ExchangeBody>> exchange) {
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            LOG.log(Level.FINE, "Remote MCP {0} {1}: no answer in time", new Object[] {failures.target(), method});
            throw failures.unreachable(e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw failures.unreachable(e);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = unwrap(e);
            LOG.log(Level.FINE, "Remote MCP {0} {1}: no answer", new Object[] {failures.target(), method});
            if (cause instanceof MalformedBodyException || cause instanceof ServerSentEvents.TooLargeException) {
                throw failures.notMcp();
            }
            // IOException (refused, reset, HttpTimeoutException...) or anything else on the way.
            throw failures.unreachable(cause instanceof IOException ? cause : null);
        }
    }

    /**
     * Reads the body of a request's 2xx answer, or of a 400 (or, when asked, 404) that may be a JSON-RPC error;
     * discards the others.
     */
    private static BodySubscriber<ExchangeBody> bodySubscriber(ResponseInfo info, Integer expectedId,
            boolean readNotFound) {
        int status = info.statusCode();
        if (expectedId == null || !(status / 100 == 2 || status == 400 || (readNotFound && status == 404))) {
            return BodySubscribers.replacing(null);
        }
        String mediaType = mediaType(info.headers());
        if (APPLICATION_JSON.equals(mediaType)) {
            return new CappedTextSubscriber(mediaType, MAX_BODY_BYTES);
        }
        if (EVENT_STREAM.equals(mediaType) && status / 100 == 2) {
            return new EventStreamReplySubscriber(expectedId, MAX_BODY_BYTES);
        }
        return BodySubscribers.replacing(new ExchangeBody(mediaType, null, null));
    }

    /**
     * A JSON body: one JSON-RPC response to the request; anything else is not MCP, except in a 400 or 404 answer
     * or when lenient, where it is only no reply (null).
     */
    private JsonRpcReply jsonReply(String json, int expectedId, int status, boolean lenient) {
        try {
            JsonRpcReply reply = JsonRpcReplies.read(json);
            if (JsonRpcReplies.answers(reply, expectedId)) {
                return reply;
            }
        } catch (MalformedBodyException e) {
            // below
        }
        if (lenient || status == 400 || status == 404) {
            return null;
        }
        throw failures.notMcp();
    }

    private static String mediaType(HttpHeaders headers) {
        String type = headers.firstValue("Content-Type").orElse("");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
