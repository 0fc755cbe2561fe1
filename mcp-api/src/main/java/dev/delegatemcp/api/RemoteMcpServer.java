package dev.delegatemcp.api;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

/**
 * A remote MCP server a tool calls on the caller's behalf, authenticated with the caller's own credential for it
 * (never with the caller's token to this server). Declare the target and take it as a parameter:
 *
 * <pre>
 * &#64;Tool(name = "crm_lookup")
 * &#64;Downstream(connection = "crm")
 * public ToolResponse lookup(&#64;ToolArg String customer, RemoteMcpServer crm) {
 *     return crm.callTool("lookup_customer", Map.of("name", customer)).toResponse();
 * }
 * </pre>
 *
 * The server's address comes from MP Config: {@code mcp.downstream.<name>.mcp-url}. The client speaks Streamable
 * HTTP, protocol 2025-11-25, and initializes its session on first use. When the remote server rejects the credential
 * (HTTP 401) it obtains a fresh one once and retries. A remote tool that fails returns a {@link RemoteToolResult}
 * with {@code isError}; a remote server that cannot be reached or answers with a protocol error throws
 * {@link RemoteMcpException}, whose message is written for the end user.
 */
public interface RemoteMcpServer {

    /** The logical target name ("crm"). */
    String name();

    /** All the remote server's tools (every page of tools/list). @throws RemoteMcpException on failure */
    List<RemoteTool> listTools();

    /**
     * Calls a remote tool. A result with {@code isError: true} (the remote tool failed) is returned, not thrown.
     *
     * @param arguments the tool's arguments; null is sent as an empty object
     * @throws RemoteMcpException when no result could be obtained
     */
    RemoteToolResult callTool(String tool, JsonObject arguments);

    /**
     * Calls a remote tool with arguments given as a map of JSON-compatible values (String, Number, Boolean, null,
     * Map, Collection, JsonValue). A result with {@code isError: true} is returned, not thrown.
     *
     * @throws IllegalArgumentException when a value has no JSON form (e.g. a LocalDate, NaN), before anything is sent
     * @throws RemoteMcpException when no result could be obtained
     */
    RemoteToolResult callTool(String tool, Map<String, ?> arguments);
}
