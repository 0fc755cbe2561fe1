package dev.delegatemcp.wire.jsonrpc;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One incoming JSON-RPC 2.0 message: a request (method and id), a notification (method, no id) or a response to a
 * server request (id with result or error).
 *
 * @param id the request id (a JSON string or number), or {@code null} for notifications
 * @param method the method name, or {@code null} for responses
 * @param params the params object (empty when absent)
 * @param result a response's {@code result}, or null
 * @param error a response's {@code error} object, or null
 */
public record JsonRpcMessage(JsonValue id, String method, JsonObject params, JsonValue result, JsonObject error) {

    /** A request or notification. */
    public JsonRpcMessage(JsonValue id, String method, JsonObject params) {
        this(id, method, params, null, null);
    }

    public boolean isRequest() {
        return method != null && id != null;
    }

    public boolean isNotification() {
        return method != null && id == null;
    }

    public boolean isResponse() {
        return method == null;
    }
}
