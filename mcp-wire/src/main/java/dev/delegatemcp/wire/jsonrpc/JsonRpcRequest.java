package dev.delegatemcp.wire.jsonrpc;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A JSON-RPC 2.0 request as sent (JSON-RPC 2.0 section 4): what the remote MCP client and the test clients write.
 * Incoming messages are read by {@link JsonRpcCodec#parse} instead.
 *
 * @param jsonrpc always {@code "2.0"}
 * @param id the request id (MCP: a string or an integer, never null)
 * @param method the method name, e.g. {@code tools/call}
 * @param params the params: an MCP params record of this module, a JSON-P object, or null for none
 * @param <P> the params type
 */
@JsonbPropertyOrder({"jsonrpc", "id", "method", "params"})
public record JsonRpcRequest<P>(String jsonrpc, JsonValue id, String method, P params) {

    /** The protocol version every JSON-RPC 2.0 message carries. */
    public static final String VERSION = "2.0";

    public static <P> JsonRpcRequest<P> of(JsonValue id, String method, P params) {
        return new JsonRpcRequest<>(VERSION, id, method, params);
    }
}
