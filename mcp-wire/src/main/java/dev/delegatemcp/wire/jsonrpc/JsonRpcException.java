package dev.delegatemcp.wire.jsonrpc;

import jakarta.json.JsonValue;

/**
 * A protocol fault that becomes a JSON-RPC error response. The message is sent to the client, so it must be safe:
 * no stack trace, token or secret.
 */
public class JsonRpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final transient JsonValue data;

    public JsonRpcException(int code, String message) {
        this(code, message, null);
    }

    /** An error with a {@code data} member (null for none). */
    public JsonRpcException(int code, String message, JsonValue data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public int code() {
        return code;
    }

    /** The error's {@code data}, or null. */
    public JsonValue data() {
        return data;
    }

    /** This error as a response to the request with that id ({@code null}: the id could not be read). */
    public JsonRpcErrorResponse toResponse(JsonValue id) {
        return JsonRpcErrorResponse.of(id, code, getMessage(), data);
    }

    public static JsonRpcException invalidParams(String message) {
        return new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, message);
    }

    public static JsonRpcException methodNotFound(String method) {
        return new JsonRpcException(JsonRpcErrorCodes.METHOD_NOT_FOUND, "Method not found: " + method);
    }
}
