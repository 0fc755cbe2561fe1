package dev.delegatemcp.server.telemetry;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute keys and values of the OpenTelemetry semantic conventions for MCP (semconv 1.39, {@code
 * docs/gen-ai/mcp.md}; status Development), which Liberty's bundled semconv (1.32) does not have, and the server's
 * own, in the same style under {@code delegatemcp.}. None of them ever holds a user id, a token, a tenant or a
 * session id (cardinality and privacy).
 */
public final class McpAttributes {

    /** The JSON-RPC method of the MCP request or notification, e.g. {@code tools/call}. Required. */
    public static final AttributeKey<String> METHOD = AttributeKey.stringKey("mcp.method.name");
    /** The protocol revision of the request, e.g. {@code 2025-11-25}. */
    public static final AttributeKey<String> PROTOCOL_VERSION = AttributeKey.stringKey("mcp.protocol.version");
    /** The tool of a {@code tools/call}. */
    public static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    /** The prompt of a {@code prompts/get}. */
    public static final AttributeKey<String> PROMPT_NAME = AttributeKey.stringKey("gen_ai.prompt.name");
    /** {@code execute_tool} for {@code tools/call}. */
    public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
    /** The JSON-RPC request id, as a string (spans only: one value per request). */
    public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("jsonrpc.request.id");
    /** The JSON-RPC error code of a failed request as a string, e.g. {@code -32602}. */
    public static final AttributeKey<String> RPC_STATUS_CODE = AttributeKey.stringKey("rpc.response.status_code");
    /**
     * Why the operation failed: the JSON-RPC error code as a string, {@code tool_error} for a tool result with
     * {@code isError: true}, else the exception's class name. Absent when it succeeded.
     */
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    /** {@code tcp}: Streamable HTTP ("Recording MCP transport"). */
    public static final AttributeKey<String> NETWORK_TRANSPORT = AttributeKey.stringKey("network.transport");
    /** {@code http}: Streamable HTTP. */
    public static final AttributeKey<String> NETWORK_PROTOCOL = AttributeKey.stringKey("network.protocol.name");
    /** The remote MCP server's host, on client operations. */
    public static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    /** The remote MCP server's port, on client operations. */
    public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

    /** {@link #METHOD} of a request whose method the server does not serve (any name a client sent: one series). */
    public static final String OTHER_METHOD = "_OTHER";

    /** {@link #ERROR_TYPE} of a tool result with {@code isError: true}. */
    public static final String TOOL_ERROR = "tool_error";

    /**
     * The bucket boundaries, in seconds, the conventions advise for MCP operation durations (they reach 300 s: tools
     * may wait on people and slow services).
     */
    public static final List<Double> DURATION_BUCKETS =
            List.of(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0);

    private McpAttributes() {
    }
}
