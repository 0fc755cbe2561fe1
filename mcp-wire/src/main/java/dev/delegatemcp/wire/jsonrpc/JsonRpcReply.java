package dev.delegatemcp.wire.jsonrpc;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A JSON-RPC 2.0 response as received (JSON-RPC 2.0 section 5): exactly one of {@code result} and {@code error} is
 * set. The result stays a JSON object here; {@link dev.delegatemcp.wire.WireJson#fromJson(JsonObject, Class)} binds it
 * to the method's result record (Yasson 3.0 does not bind a generic record component such as
 * {@code JsonRpcResponse<R>.result}).
 *
 * @param jsonrpc {@code "2.0"}
 * @param id the id of the request answered
 * @param result the result, or null for an error
 * @param error the error, or null for a result
 */
public record JsonRpcReply(String jsonrpc, JsonValue id, JsonObject result, JsonRpcError error) {
}
