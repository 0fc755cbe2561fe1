package dev.delegatemcp.server.transport.http;

import java.util.Optional;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.interaction.RequestCancelledException;
import dev.delegatemcp.server.protocol.McpDispatcher;
import dev.delegatemcp.server.protocol.McpParamHeaders;
import dev.delegatemcp.server.protocol.stateless.RequestMetadata;
import dev.delegatemcp.server.protocol.stateless.StatelessRequests;
import dev.delegatemcp.server.protocol.stream.EventStream;
import dev.delegatemcp.server.protocol.stream.ListenStreams;
import dev.delegatemcp.server.security.BearerChallenge;
import dev.delegatemcp.server.security.InsufficientScopeException;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorResponse;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.jsonrpc.JsonRpcResponse;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A POST without a session from a client of MCP 2026-07-28 (Streamable HTTP of that revision): the transport's checks
 * in the order the revision needs them, then the request served statelessly, answered as JSON or, when it sends
 * progress or log messages first, as an event stream of its own; {@code subscriptions/listen} holds its stream open.
 * <ol>
 * <li>{@code MCP-Protocol-Version} is required and must equal {@code _meta["io.modelcontextprotocol/protocolVersion"]}
 * when that is given: else HeaderMismatch -32020, HTTP 400;</li>
 * <li>a revision not served statelessly: UnsupportedProtocolVersion -32022, HTTP 400, {@code data} listing the
 * supported ones and the requested one (Versioning);</li>
 * <li>{@code _meta} without its required fields: -32602, HTTP 400 (Basic, {@code _meta});</li>
 * <li>{@code Mcp-Method} and {@code Mcp-Name} against the body ({@link RequestHeaders}): -32020, HTTP 400;</li>
 * <li>a method no feature serves in this revision (also {@code initialize}, {@code ping}, {@code logging/setLevel},
 * {@code resources/subscribe}): -32601, HTTP 404 (Protocol Version Header);</li>
 * <li>MissingRequiredClientCapability -32021 and HeaderMismatch -32020 (an {@code Mcp-Param-*} header the tool
 * feature found not to fit the arguments): HTTP 400; other errors of the request: HTTP 200 with the error.</li>
 * </ol>
 * Nothing here is remembered after the response: any instance may serve the next request of the same client.
 */
@ApplicationScoped
public class StatelessPost {

    @Inject
    StatelessRequests requests;

    @Inject
    McpDispatcher dispatcher;

    @Inject
    ListenStreams listeners;

    @Inject
    BearerChallenge challenge;

    /**
     * The headers this transport reads.
     *
     * @param params the {@code Mcp-Param-*} headers, which the tool feature checks against {@code tools/call}
     *        arguments (Custom Headers from Tool Parameters)
     * @param eventStreams whether the {@code Accept} header takes {@code text/event-stream}: else the answer stays
     *        JSON and notifications before it are dropped
     */
    public record Headers(String protocolVersion, String method, String name, McpParamHeaders params,
            boolean eventStreams) {

        Headers(String protocolVersion, String method, String name) {
            this(protocolVersion, method, name, McpParamHeaders.NONE, true);
        }
    }

    /**
     * Whether a POST speaks a stateless revision: its {@code _meta} declares a revision (whatever else it carries: a
     * {@code Mcp-Session-Id} is ignored then, as MCP 2026-07-28 says), or, without a session, its
     * {@code MCP-Protocol-Version} header names one that is not session-based.
     */
    static boolean stateless(JsonRpcMessage message, String versionHeader, String sessionId) {
        if (message.params() != null && RequestMetadata.declaredVersion(message.params()).isPresent()) {
            return true;
        }
        if (sessionId != null && !sessionId.isBlank()) {
            return false;
        }
        if (versionHeader == null || versionHeader.isBlank()) {
            return false;
        }
        // A header naming a session-based revision without _meta is a legacy client that lost its session.
        return ProtocolVersion.of(versionHeader.trim()).map(version -> version.era() == ProtocolVersion.Era.STATELESS)
                .orElse(true);
    }

    /**
     * @param upgradable the POST's response as {@link EventStreamResponseFilter} wrapped it
     * @return the HTTP response, or null when it was written as an event stream already
     */
    public Response post(JsonRpcMessage message, Headers headers, McpCaller caller, ResponseFormat format,
            Object upgradable) {
        JsonValue id = message.id();
        if (message.isNotification()) {
            return Response.accepted().build(); // no client notification is defined here (Sending Messages)
        }
        if (message.isResponse()) {
            return McpEndpoint.error(Response.Status.BAD_REQUEST, null, JsonRpcErrorCodes.INVALID_REQUEST,
                    "Invalid Request: without a session the server asks the client nothing, so there is nothing to "
                            + "answer (MCP 2026-07-28, Multi Round-Trip Requests)");
        }
        Optional<String> declared = RequestMetadata.declaredVersion(message.params());
        String header = headers.protocolVersion() == null ? null : headers.protocolVersion().trim();
        if (header == null || header.isEmpty()) {
            return error(Response.Status.BAD_REQUEST, id, JsonRpcErrorCodes.HEADER_MISMATCH,
                    "Header mismatch: the MCP-Protocol-Version header is required", null);
        }
        if (declared.isPresent() && !declared.get().equals(header)) {
            return error(Response.Status.BAD_REQUEST, id, JsonRpcErrorCodes.HEADER_MISMATCH,
                    "Header mismatch: MCP-Protocol-Version header value '" + header
                            + "' does not match body value '" + declared.get() + "'",
                    null);
        }
        if (ProtocolVersion.of(header).filter(v -> v.era() == ProtocolVersion.Era.STATELESS).isEmpty()) {
            // Only the revisions a request like this one can use: a session-based one would need initialize first,
            // and listing it would send the client round in a circle.
            java.util.List<String> stateless = java.util.Arrays.stream(ProtocolVersion.values())
                    .filter(version -> version.era() == ProtocolVersion.Era.STATELESS).map(ProtocolVersion::text)
                    .toList();
            JsonArrayBuilder supported = Json.createArrayBuilder();
            stateless.forEach(supported::add);
            return error(Response.Status.BAD_REQUEST, id, JsonRpcErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
                    "Unsupported protocol version: " + header + " is not served without a session; supported: "
                            + String.join(", ", stateless) + " (and, after initialize, "
                            + String.join(", ", ProtocolVersion.supported().stream()
                                    .filter(version -> !stateless.contains(version)).toList())
                            + ")",
                    Json.createObjectBuilder().add("supported", supported).add("requested", header).build());
        }
        RequestMetadata metadata;
        try {
            metadata = RequestMetadata.read(message.params());
        } catch (JsonRpcException e) {
            return error(Response.Status.BAD_REQUEST, id, e.code(), e.getMessage(), null);
        }
        Optional<String> mismatch = RequestHeaders.mismatch(message, headers.method(), headers.name());
        if (mismatch.isPresent()) {
            return error(Response.Status.BAD_REQUEST, id, JsonRpcErrorCodes.HEADER_MISMATCH, mismatch.get(), null);
        }
        if (McpMethods.SUBSCRIPTIONS_LISTEN.equals(message.method())) {
            if (!headers.eventStreams()) {
                return error(Response.Status.NOT_ACCEPTABLE, id, JsonRpcErrorCodes.INVALID_REQUEST,
                        "Not Acceptable: subscriptions/listen answers with an event stream; accept text/event-stream",
                        null);
            }
            return listen(message, caller, upgradable);
        }
        if (!dispatcher.serves(message.method(), ProtocolVersion.Era.STATELESS)) {
            return error(Response.Status.NOT_FOUND, id, JsonRpcErrorCodes.METHOD_NOT_FOUND,
                    "Method not found: " + message.method(), null);
        }
        return serve(message, caller, metadata, headers, format, upgradable);
    }

    private Response serve(JsonRpcMessage message, McpCaller caller, RequestMetadata metadata, Headers headers,
            ResponseFormat format, Object upgradable) {
        StatelessRequests.Call call;
        try {
            call = requests.begin(message, caller, metadata, headers.params(),
                    headers.eventStreams() ? () -> ServletEventConnection.open(upgradable) : null);
        } catch (JsonRpcException e) {
            return format.ok(e.toResponse(message.id())).build();
        }
        Object reply;
        Response.Status status = Response.Status.OK;
        try {
            reply = JsonRpcResponse.of(message.id(), requests.run(call));
        } catch (JsonRpcException e) {
            reply = e.toResponse(message.id());
            status = statusOf(e.code());
        } catch (InsufficientScopeException e) {
            requests.end(call);
            if (call.interaction().openedStream() == null) {
                return FailedRequestReplies.forbiddenResponse(message.id(), e, challenge);
            }
            reply = FailedRequestReplies.forbidden(message.id(), e);
        } catch (RequestCancelledException e) {
            reply = null;
        } catch (RuntimeException e) {
            reply = FailedRequestReplies.internalError(message.id(), message.method(), e);
        } finally {
            requests.end(call);
        }
        if (call.interaction().cancellationState().isCancelled()) {
            reply = null; // the client closed the response stream: that cancelled the request, nothing more is sent
        }
        EventStream stream = call.interaction().openedStream();
        if (stream != null) {
            if (reply != null) {
                stream.send(WireJson.toJson(reply));
            }
            stream.end();
            return null; // written as an event stream already
        }
        if (reply == null) {
            return Response.ok("", ResponseFormat.SSE).header("Cache-Control", "no-cache").build();
        }
        return format.ok(reply).status(status).build();
    }

    /**
     * {@code subscriptions/listen}: the response becomes an event stream at once and stays open, holding this thread,
     * until the client leaves or the server ends it (see {@link ListenStreams}).
     */
    private Response listen(JsonRpcMessage message, McpCaller caller, Object upgradable) {
        ListenStreams.Filter filter;
        try {
            filter = listeners.filter(message.params(), caller);
        } catch (JsonRpcException e) {
            return McpEndpoint.error(Response.Status.OK, message.id(), e.code(), e.getMessage());
        }
        java.util.Optional<ListenStreams.Listener> opened = listeners.tryOpen(message.id(), caller.subject(), filter,
                () -> ServletEventConnection.open(upgradable));
        if (opened.isEmpty()) {
            return Response.fromResponse(McpEndpoint.error(Response.Status.SERVICE_UNAVAILABLE, message.id(),
                    JsonRpcErrorCodes.INTERNAL_ERROR,
                    "The server holds as many listen streams as it may (mcp.listen.max); try again in a minute."))
                    .header("Retry-After", "60").build();
        }
        ListenStreams.Listener listener = opened.get();
        try {
            listener.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            listeners.end(listener); // already ended unless interrupted: then it must not keep its place
        }
        return null;
    }

    /**
     * The HTTP status of a request the feature answered with an error: 400 for MissingRequiredClientCapability
     * (-32021) and HeaderMismatch (-32020, an {@code Mcp-Param-*} header that does not fit the body: Server Behavior
     * for Custom Headers), 404 for a method not found (-32601), 200 for any other error of the request.
     */
    static Response.Status statusOf(int code) {
        switch (code) {
            case JsonRpcErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY:
            case JsonRpcErrorCodes.HEADER_MISMATCH:
                return Response.Status.BAD_REQUEST;
            case JsonRpcErrorCodes.METHOD_NOT_FOUND:
                return Response.Status.NOT_FOUND;
            default:
                return Response.Status.OK;
        }
    }

    private static Response error(Response.Status status, JsonValue id, int code, String message, JsonObject data) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(WireJson.toJson(JsonRpcErrorResponse.of(id, code, message, data))).build();
    }
}
