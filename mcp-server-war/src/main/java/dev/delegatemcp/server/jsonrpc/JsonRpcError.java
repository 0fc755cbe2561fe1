package dev.delegatemcp.server.jsonrpc;

/** The JSON-RPC 2.0 error codes the server answers with. */
public final class JsonRpcError {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;

    private JsonRpcError() {
    }
}
