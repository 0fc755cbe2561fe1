package dev.delegatemcp.wire.jsonrpc;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A JSON-RPC 2.0 error response (JSON-RPC 2.0 section 5).
 *
 * @param jsonrpc always {@code "2.0"}
 * @param id the request's id (a JSON string or number), or {@link JsonValue#NULL} when it could not be read
 * @param error what went wrong
 */
@JsonbPropertyOrder({"jsonrpc", "id", "error"})
public record JsonRpcErrorResponse(String jsonrpc, JsonValue id, JsonRpcError error) {

    /** The error response to the request with that id ({@code null}: the id could not be read). */
    public static JsonRpcErrorResponse of(JsonValue id, int code, String message, JsonValue data) {
        return new JsonRpcErrorResponse(JsonRpcRequest.VERSION, id == null ? JsonValue.NULL : id,
                new JsonRpcError(code, message, data));
    }

    /** The error response, without {@code data}. */
    public static JsonRpcErrorResponse of(JsonValue id, int code, String message) {
        return of(id, code, message, null);
    }
}
