package dev.delegatemcp.server.remote;

import java.util.function.IntSupplier;

import dev.delegatemcp.api.RemoteMcpException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcError;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcReply;
import dev.delegatemcp.wire.mcp.Implementation;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The {@link RemoteSession} of a modern server (MCP 2026-07-28): each request is sent on its own, framed by
 * {@link StatelessRequest} (no {@code initialize}, no session), with the caller's {@link RemoteCredential}.
 *
 * <ul>
 * <li><b>Recovery</b>: HTTP 401 obtains a fresh credential ({@link RemoteCredential#refresh()}, once per request)
 * and sends the request again.</li>
 * <li><b>Results</b> (MCP 2026-07-28, Basic, Responses: {@code resultType}): {@code "complete"}, or absent, is the
 * result; {@code "input_required"} (an {@code InputRequiredResult}, Multi Round-Trip Requests) cannot be answered,
 * since this client declares no capabilities for a remote server, and is {@link RemoteMcpFailures#inputRequired()};
 * any other type is "not MCP" to this client.</li>
 * <li><b>Errors</b>: a {@code MissingRequiredClientCapabilityError} (-32021) is also "input required": the remote
 * tool wants to ask the user something this server cannot relay. Another JSON-RPC error is "refused" with the remote
 * message sanitized and the credentials sent replaced by {@code ***}; other statuses per
 * {@link RemoteMcpFailures#forStatus}.</li>
 * <li><b>Era</b>: a 400 or 404 without a recognized modern error (400 with -32020 HeaderMismatch or -32021; 404 with
 * -32601 Method not found), or any {@code UnsupportedProtocolVersionError} (-32022), throws
 * {@link NotModernAnswerException} (MCP 2026-07-28, Versioning, Backward Compatibility: re-probe when the cached
 * assumption fails).</li>
 * </ul>
 * Not thread-safe: {@link StreamableHttpRemoteMcpServer} serializes the calls.
 */
final class StatelessRemoteSession implements RemoteSession {

    static final String COMPLETE = "complete";
    static final String INPUT_REQUIRED = "input_required";

    private final StreamableHttpExchange exchange;
    private final RemoteCredential credential;
    private final Implementation clientInfo;
    private final IntSupplier ids;
    private final RemoteMcpFailures failures;

    /**
     * @param exchange how messages reach the server
     * @param credential the caller's credential for it (shared with the era probe)
     * @param clientInfo the {@code clientInfo} sent in each request's {@code _meta}
     * @param ids the next JSON-RPC id, each time
     * @param failures the target's failures
     */
    StatelessRemoteSession(StreamableHttpExchange exchange, RemoteCredential credential, Implementation clientInfo,
            IntSupplier ids, RemoteMcpFailures failures) {
        this.exchange = exchange;
        this.credential = credential;
        this.clientInfo = clientInfo;
        this.ids = ids;
        this.failures = failures;
    }

    /**
     * {@inheritDoc}
     *
     * @throws NotModernAnswerException when the answer is one of a legacy server
     */
    @Override
    public JsonObject request(String method, Object params) {
        while (true) {
            StatelessRequest request = StatelessRequest.of(ids.getAsInt(), method, params, clientInfo);
            HttpReply reply = exchange.postStateless(request, credential.current());
            if (reply.status() == 401) {
                credential.refresh();
            } else {
                return result(reply);
            }
        }
    }

    private JsonObject result(HttpReply reply) {
        JsonRpcReply message = reply.reply();
        JsonRpcError error = message == null ? null : message.error();
        if (isNotModern(reply.status(), error)) {
            throw new NotModernAnswerException(failure(reply.status(), error));
        }
        if (error != null || !reply.isSuccess()) {
            throw failure(reply.status(), error);
        }
        if (message == null) {
            // 2xx with a media type that is not MCP's, or an event stream that ended before the response.
            throw StreamableHttpExchange.EVENT_STREAM.equals(reply.mediaType()) ? failures.unreachable(null)
                    : failures.notMcp();
        }
        JsonObject result = message.result();
        if (result == null) {
            throw failures.notMcp();
        }
        JsonValue type = result.get("resultType");
        if (type == null || type instanceof JsonString text && COMPLETE.equals(text.getString())) {
            return result;
        }
        if (type instanceof JsonString text && INPUT_REQUIRED.equals(text.getString())) {
            throw failures.inputRequired();
        }
        throw failures.notMcp();
    }

    /** Whether a modern server would not answer so (Transports, Streamable HTTP, Backward Compatibility). */
    private static boolean isNotModern(int status, JsonRpcError error) {
        if (error != null && error.code() == JsonRpcErrorCodes.UNSUPPORTED_PROTOCOL_VERSION) {
            return true;
        }
        if (status == 400) {
            return error == null || !(error.code() == JsonRpcErrorCodes.HEADER_MISMATCH
                    || error.code() == JsonRpcErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY);
        }
        if (status == 404) {
            return error == null || error.code() != JsonRpcErrorCodes.METHOD_NOT_FOUND;
        }
        return false;
    }

    private RemoteMcpException failure(int status, JsonRpcError error) {
        if (error == null) {
            return failures.forStatus(status);
        }
        if (error.code() == JsonRpcErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY) {
            return failures.inputRequired();
        }
        return failures.refused(error.message(), credential.secrets());
    }
}
