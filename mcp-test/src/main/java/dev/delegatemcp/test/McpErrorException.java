package dev.delegatemcp.test;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The server answered a request with a JSON-RPC error (JSON-RPC 2.0 section 5.1): -32700 parse error, -32600 invalid
 * request, -32601 method not found, -32602 invalid params, -32603 internal error, or an MCP code such as -32042 (URL
 * elicitation required, MCP 2025-11-25). A tool's own failure is not one: that is a result with {@code isError: true}
 * ({@link ToolResult#isError()}).
 */
public final class McpErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final int code;
    private final transient JsonObject error;

    McpErrorException(String method, JsonObject error) {
        super(method + " failed with JSON-RPC error " + error.getInt("code", 0) + ": "
                + error.getString("message", "(no message)"));
        this.method = method;
        this.code = error.getInt("code", 0);
        this.error = error;
    }

    /** The method of the request that failed. */
    public String method() {
        return method;
    }

    /** The error's {@code code}. */
    public int code() {
        return code;
    }

    /** The error's {@code message}. */
    public String errorMessage() {
        return error.getString("message", "");
    }

    /** The error's {@code data}, or {@link JsonValue#NULL} when it has none. */
    public JsonValue data() {
        return error.getOrDefault("data", JsonValue.NULL);
    }

    /** The whole {@code error} object. */
    public JsonObject error() {
        return error;
    }
}
