package dev.delegatemcp.server.remote;

import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcNotification;
import dev.delegatemcp.wire.jsonrpc.JsonRpcReply;
import dev.delegatemcp.wire.jsonrpc.JsonRpcRequest;
import dev.delegatemcp.wire.mcp.Implementation;
import dev.delegatemcp.wire.mcp.InitializeParams;
import dev.delegatemcp.wire.mcp.InitializeResult;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;

/**
 * The client side of one MCP session with a remote server (MCP 2025-11-25, Lifecycle; Transports, Streamable HTTP,
 * Session Management): the {@link RemoteSession} of a legacy server (MCP 2026-07-28, Versioning, Backward
 * Compatibility), sending with the caller's {@link RemoteCredential}.
 *
 * <ul>
 * <li><b>Initialization</b>, lazily before the first request: {@code initialize} asking for
 * {@link ProtocolVersion#LATEST} with no client capabilities, then the {@code notifications/initialized}
 * notification. The server's answer must name a revision of {@link ProtocolVersion} (else "unsupported version");
 * its {@code Mcp-Session-Id}, if any, must be visible ASCII (else "not MCP"). Both then go on every later request,
 * the notification included.</li>
 * <li><b>Request ids</b>: integers counting up from 1 per session object, across re-initializations.</li>
 * <li><b>Recovery</b>, at most once each per request: HTTP 401 obtains a fresh credential with
 * {@link RemoteCredential#refresh()} and initializes again (a second 401 is "not accepted"; a {@code null}
 * credential too; the refresh's own {@link dev.delegatemcp.api.ToolCallException} passes through); HTTP 404 on a
 * request that carried a session id means the session expired: initialize again and retry (a second one is
 * "unreachable").</li>
 * <li><b>Answers</b>: a JSON-RPC error (also in an HTTP 400) is "refused" with the remote message sanitized and the
 * credentials sent replaced by {@code ***}; any other non-2xx status per {@link RemoteMcpFailures#forStatus}; a 2xx
 * without a response is "not MCP", or "unreachable" for an event stream that ended before it.</li>
 * </ul>
 * Not supported: ending the session with DELETE (sessions simply age out on the server), resuming a stream.
 * <p>
 * Not thread-safe: {@link StreamableHttpRemoteMcpServer} serializes the calls.
 */
final class RemoteMcpSession implements RemoteSession {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final StreamableHttpExchange exchange;
    private final RemoteMcpFailures failures;
    private final JsonRpcNotification<Void> initialized = JsonRpcNotification.of(McpMethods.INITIALIZED, null);
    private final InitializeParams initializeParams;
    private final RemoteCredential credential;

    private boolean open;
    private String sessionId;
    private String protocolVersion;
    private int lastId;

    /**
     * @param exchange how messages reach the server
     * @param credential the caller's credential for it (shared with the era probe)
     * @param clientInfo the {@code clientInfo} sent on initialize
     * @param failures the target's failures
     */
    RemoteMcpSession(StreamableHttpExchange exchange, RemoteCredential credential, Implementation clientInfo,
            RemoteMcpFailures failures) {
        this.exchange = exchange;
        this.credential = credential;
        this.failures = failures;
        this.initializeParams = new InitializeParams(ProtocolVersion.LATEST.text(), JsonValue.EMPTY_JSON_OBJECT,
                clientInfo);
    }

    /** What one call may still do to recover besides the credential's one refresh: re-initialize once. */
    private static final class RecoveryBudget {
        boolean reinitialized;
    }

    /** {@inheritDoc} Initializes first when needed. */
    @Override
    public JsonObject request(String method, Object params) {
        RecoveryBudget budget = new RecoveryBudget();
        while (true) {
            if (!open) {
                initialize(budget);
            }
            int id = ++lastId;
            HttpReply reply = post(method, JsonRpcRequest.of(JSON.createValue(id), method, params), id);
            if (reply.status() == 401) {
                refreshCredential();
            } else if (reply.status() == 404 && reply.sentSession()) {
                sessionExpired(budget);
            } else {
                return result(reply);
            }
        }
    }

    /** The negotiated protocol revision, or null before initialization. */
    String protocolVersion() {
        return protocolVersion;
    }

    private void initialize(RecoveryBudget budget) {
        while (true) {
            sessionId = null;
            protocolVersion = null;
            int id = ++lastId;
            HttpReply reply = post(McpMethods.INITIALIZE,
                    JsonRpcRequest.of(JSON.createValue(id), McpMethods.INITIALIZE, initializeParams), id);
            if (reply.status() == 401) {
                refreshCredential();
                continue;
            }
            String version = negotiatedVersion(result(reply));
            String session = reply.sessionId();
            if (session != null && !isVisibleAscii(session)) {
                throw failures.notMcp();
            }
            sessionId = session;
            protocolVersion = version;
            HttpReply ack = post(McpMethods.INITIALIZED, initialized, null);
            if (ack.status() == 401) {
                refreshCredential();
                continue;
            }
            if (ack.status() == 404 && ack.sentSession()) {
                sessionExpired(budget);
                continue;
            }
            if (!ack.isSuccess()) {
                throw failures.forStatus(ack.status());
            }
            open = true;
            return;
        }
    }

    /** The revision {@code initialize} answered, when this client reads it. */
    private String negotiatedVersion(JsonObject result) {
        InitializeResult initialize;
        try {
            initialize = WireJson.fromJson(result, InitializeResult.class);
        } catch (JsonbException e) {
            throw failures.notMcp();
        }
        if (initialize.protocolVersion() == null) {
            throw failures.notMcp();
        }
        if (ProtocolVersion.of(initialize.protocolVersion()).isEmpty()) {
            throw failures.unsupportedVersion();
        }
        return initialize.protocolVersion();
    }

    private HttpReply post(String method, Object message, Integer id) {
        return exchange.post(method, message, id, credential.current(), sessionId, protocolVersion);
    }

    /** A fresh credential, with which the session is initialized again. */
    private void refreshCredential() {
        credential.refresh();
        open = false;
    }

    private void sessionExpired(RecoveryBudget budget) {
        if (budget.reinitialized) {
            throw failures.unreachable(null);
        }
        budget.reinitialized = true;
        open = false;
        sessionId = null;
    }

    /** The result of a 2xx answer; throws the user's sentence otherwise. */
    private JsonObject result(HttpReply reply) {
        JsonRpcReply message = reply.reply();
        if (message != null && message.error() != null) {
            throw failures.refused(message.error().message(), credential.secrets());
        }
        if (!reply.isSuccess()) {
            throw failures.forStatus(reply.status());
        }
        if (message == null) {
            // 2xx with a media type that is not MCP's, or an event stream that ended before the response.
            throw StreamableHttpExchange.EVENT_STREAM.equals(reply.mediaType()) ? failures.unreachable(null)
                    : failures.notMcp();
        }
        if (message.result() == null) {
            throw failures.notMcp();
        }
        return message.result();
    }

    private static boolean isVisibleAscii(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
    }
}
