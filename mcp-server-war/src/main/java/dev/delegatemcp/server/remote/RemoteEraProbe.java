package dev.delegatemcp.server.remote;

import java.util.function.IntSupplier;

import dev.delegatemcp.wire.jsonrpc.JsonRpcError;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcReply;
import dev.delegatemcp.wire.mcp.Implementation;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProtocolVersion.Era;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Finds out which era a remote server speaks (MCP 2026-07-28, Versioning, Backward Compatibility; Transports,
 * Streamable HTTP, Backward Compatibility; Server, Discovery) by sending {@code server/discover} as a stateless
 * request ({@link StatelessRequest}) and reading the answer:
 *
 * <ul>
 * <li>a {@code DiscoverResult} whose {@code supportedVersions} lists 2026-07-28: {@link Era#STATELESS};</li>
 * <li>a recognized modern error: {@code HeaderMismatch} (-32020) or {@code MissingRequiredClientCapability} (-32021):
 * {@link Era#STATELESS}; {@code UnsupportedProtocolVersionError} (-32022) whose {@code data.supported} lists
 * 2026-07-28: {@link Era#STATELESS}, else {@link Era#SESSION} (the server speaks no modern revision of ours);</li>
 * <li>HTTP 401: a fresh credential ({@link RemoteCredential#refresh()}) and the probe again;</li>
 * <li>answers that say nothing about the era, HTTP 403, 408, 429 and 5xx, or none at all: the failure
 * ({@link RemoteMcpFailures#forStatus}, "unreachable"), and no decision;</li>
 * <li>anything else, e.g. a 400, 404 or 405 without a modern error body, a JSON-RPC error such as -32601 (method not
 * found) or -32600 (session required), a body that is not JSON, a result that is not a DiscoverResult listing
 * 2026-07-28: {@link Era#SESSION}, a legacy server.</li>
 * </ul>
 * Not thread-safe: {@link StreamableHttpRemoteMcpServer} serializes the calls.
 */
final class RemoteEraProbe {

    private final StreamableHttpExchange exchange;
    private final RemoteCredential credential;
    private final Implementation clientInfo;
    private final IntSupplier ids;
    private final RemoteMcpFailures failures;

    /**
     * @param exchange how messages reach the server
     * @param credential the caller's credential for it
     * @param clientInfo the {@code clientInfo} sent in the probe's {@code _meta}
     * @param ids the next JSON-RPC id, each time
     * @param failures the target's failures
     */
    RemoteEraProbe(StreamableHttpExchange exchange, RemoteCredential credential, Implementation clientInfo,
            IntSupplier ids, RemoteMcpFailures failures) {
        this.exchange = exchange;
        this.credential = credential;
        this.clientInfo = clientInfo;
        this.ids = ids;
        this.failures = failures;
    }

    /**
     * Sends the probe and tells the era.
     *
     * @throws dev.delegatemcp.api.RemoteMcpException when no answer tells it (no answer, 403, 408, 429, 5xx, a
     *         second 401)
     */
    Era probe() {
        while (true) {
            StatelessRequest discover = StatelessRequest.of(ids.getAsInt(), McpMethods.SERVER_DISCOVER, null,
                    clientInfo);
            HttpReply reply = exchange.probe(discover, credential.current());
            if (reply.status() == 401) {
                credential.refresh();
                continue;
            }
            int status = reply.status();
            if (status == 403 || status == 408 || status == 429 || status >= 500) {
                throw failures.forStatus(status);
            }
            return era(reply);
        }
    }

    private static Era era(HttpReply reply) {
        JsonRpcReply message = reply.reply();
        if (message == null) {
            return Era.SESSION;
        }
        if (message.error() != null) {
            return era(message.error());
        }
        if (reply.isSuccess() && message.result() != null
                && listsOurRevision(message.result().get("supportedVersions"))) {
            return Era.STATELESS;
        }
        return Era.SESSION;
    }

    private static Era era(JsonRpcError error) {
        return switch (error.code()) {
            case JsonRpcErrorCodes.HEADER_MISMATCH, JsonRpcErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY ->
                Era.STATELESS;
            case JsonRpcErrorCodes.UNSUPPORTED_PROTOCOL_VERSION -> error.data() instanceof JsonObject data
                    && listsOurRevision(data.get("supported")) ? Era.STATELESS : Era.SESSION;
            default -> Era.SESSION;
        };
    }

    /** Whether a {@code supportedVersions} or {@code supported} array holds the revision this client speaks. */
    private static boolean listsOurRevision(JsonValue versions) {
        return versions instanceof JsonArray array
                && array.stream().anyMatch(version -> version instanceof JsonString text
                        && StatelessRequest.VERSION.text().equals(text.getString()));
    }
}
