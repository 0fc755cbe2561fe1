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
    /**
     * MCP 2026-07-28 (Streamable HTTP, Server Validation): a required header ({@code MCP-Protocol-Version},
     * {@code Mcp-Method}, {@code Mcp-Name}) is missing, malformed, or does not match the body. HTTP 400.
     */
    public static final int HEADER_MISMATCH = -32020;
    /**
     * MCP 2026-07-28 (Basic, {@code _meta}): serving the request needs a client capability the request did not declare;
     * {@code data.requiredCapabilities} lists them. HTTP 400.
     */
    public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
    /**
     * MCP 2026-07-28 (Versioning, Protocol Version Negotiation): the request's revision is not served here;
     * {@code data} is {@code {"supported": [...], "requested": "..."}}. HTTP 400.
     */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    private JsonRpcErrorCodes() {
    }
}
