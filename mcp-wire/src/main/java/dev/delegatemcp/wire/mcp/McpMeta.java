package dev.delegatemcp.wire.mcp;

/**
 * The {@code _meta} keys MCP reserves (MCP 2026-07-28, Basic, {@code _meta}: per-request and per-response protocol
 * fields, and the OpenTelemetry trace context keys).
 */
public final class McpMeta {

    /** Request: the revision the request is spoken in (a string; required in 2026-07-28). */
    public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    /** Request: the client's capabilities for this request (an object; required in 2026-07-28). */
    public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    /** Request: the client's name and version (an Implementation; optional). */
    public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    /** Request: the lowest log level the client wants for this request (a LoggingLevel; optional). */
    public static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    /** Result: the server's name and version (an Implementation). */
    public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    /** Notifications and result of a {@code subscriptions/listen} stream: the JSON-RPC id of that request. */
    public static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
    /** W3C Trace Context {@code traceparent}. */
    public static final String TRACEPARENT = "traceparent";
    /** W3C Trace Context {@code tracestate}. */
    public static final String TRACESTATE = "tracestate";

    private McpMeta() {
    }
}
