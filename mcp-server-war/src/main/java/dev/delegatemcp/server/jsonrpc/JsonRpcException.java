package dev.delegatemcp.server.jsonrpc;

/**
 * A protocol fault that becomes a JSON-RPC error response. The message is sent to the client, so it must be safe:
 * no stack trace, token or secret.
 */
public class JsonRpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    public JsonRpcException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static JsonRpcException invalidParams(String message) {
        return new JsonRpcException(JsonRpcError.INVALID_PARAMS, message);
    }

    public static JsonRpcException methodNotFound(String method) {
        return new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + method);
    }
}
