package dev.delegatemcp.wire.jsonrpc;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A JSON-RPC 2.0 success response (JSON-RPC 2.0 section 5).
 *
 * @param jsonrpc always {@code "2.0"}
 * @param id the request's id (a JSON string or number)
 * @param result the method's result: an MCP result record of this module, or a JSON-P value
 * @param <R> the result type
 */
@JsonbPropertyOrder({"jsonrpc", "id", "result"})
public record JsonRpcResponse<R>(String jsonrpc, JsonValue id, R result) {

    /** The success response to the request with that id. */
    public static <R> JsonRpcResponse<R> of(JsonValue id, R result) {
        return new JsonRpcResponse<>(JsonRpcRequest.VERSION, id, result);
    }
}
