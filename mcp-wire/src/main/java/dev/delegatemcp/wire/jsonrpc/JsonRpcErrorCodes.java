package dev.delegatemcp.wire.jsonrpc;

/** The JSON-RPC 2.0 error codes (JSON-RPC 2.0 section 5.1) and the MCP-defined ones this project uses. */
public final class JsonRpcErrorCodes {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** MCP 2025-11-25: the request needs the user to complete a URL elicitation first (URLElicitationRequiredError). */
    public static final int URL_ELICITATION_REQUIRED = -32042;
    /**
     * MCP 2025-11-25 (Server features, Resources, Error Handling): no resource has the URI asked for; the error's
     * {@code data} is {@code {"uri": ...}}.
     */
    public static final int RESOURCE_NOT_FOUND = -32002;

    private JsonRpcErrorCodes() {
    }
}
