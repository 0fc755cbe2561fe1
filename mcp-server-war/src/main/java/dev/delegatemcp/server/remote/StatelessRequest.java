package dev.delegatemcp.server.remote;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcRequest;
import dev.delegatemcp.wire.mcp.HeaderValueEncoding;
import dev.delegatemcp.wire.mcp.Implementation;
import dev.delegatemcp.wire.mcp.McpMeta;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * One request in MCP 2026-07-28 as this client sends it: self-contained, no session (MCP 2026-07-28, Basic,
 * {@code _meta}; Transports, Streamable HTTP, Request Metadata).
 *
 * <ul>
 * <li><b>Body</b>: {@code {"jsonrpc":"2.0","id":<id>,"method":<method>,"params":{...params,"_meta":{...}}}} where
 * {@code _meta} holds {@code io.modelcontextprotocol/protocolVersion} ({@code 2026-07-28}),
 * {@code io.modelcontextprotocol/clientInfo} and {@code io.modelcontextprotocol/clientCapabilities} {@code {}}: this
 * client answers no input requests (elicitation, sampling, roots) for a remote server. Every request has params, at
 * least the {@code _meta}.</li>
 * <li><b>Headers</b>: {@code MCP-Protocol-Version: 2026-07-28}, {@code Mcp-Method: <method>}, and for
 * {@code tools/call} and {@code prompts/get} {@code Mcp-Name: <params.name>}, for {@code resources/read}
 * {@code Mcp-Name: <params.uri>}, written per {@link HeaderValueEncoding}. Never {@code Mcp-Session-Id}.</li>
 * </ul>
 *
 * @param id the JSON-RPC id (unique per {@link StreamableHttpRemoteMcpServer})
 * @param method the MCP method
 * @param message the JSON-RPC request, its params with the {@code _meta}
 * @param headers the MCP request headers
 */
record StatelessRequest(int id, String method, JsonRpcRequest<JsonObject> message, Map<String, String> headers) {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** The revision spoken: the one stateless revision this client knows. */
    static final ProtocolVersion VERSION = ProtocolVersion.MODERN;

    StatelessRequest {
        headers = Map.copyOf(headers);
    }

    /**
     * Frames a request.
     *
     * @param id its JSON-RPC id
     * @param method the MCP method
     * @param params its params record (written by {@link WireJson}), a JSON-P object, or null for none; a
     *        {@code _meta} of its own is replaced
     * @param clientInfo the {@code clientInfo} to send
     */
    static StatelessRequest of(int id, String method, Object params, Implementation clientInfo) {
        JsonObject written = params == null ? JsonValue.EMPTY_JSON_OBJECT : read(WireJson.toJson(params));
        JsonObject meta = JSON.createObjectBuilder()
                .add(McpMeta.PROTOCOL_VERSION, VERSION.text())
                .add(McpMeta.CLIENT_INFO, read(WireJson.toJson(clientInfo)))
                .add(McpMeta.CLIENT_CAPABILITIES, JsonValue.EMPTY_JSON_OBJECT)
                .build();
        JsonObject completed = JSON.createObjectBuilder(written).add("_meta", meta).build();

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("MCP-Protocol-Version", VERSION.text());
        headers.put("Mcp-Method", method);
        String name = nameOf(method, completed);
        if (name != null) {
            headers.put("Mcp-Name", HeaderValueEncoding.encode(name));
        }
        return new StatelessRequest(id, method, JsonRpcRequest.of(JSON.createValue(id), method, completed), headers);
    }

    /** The value {@code Mcp-Name} mirrors, or null when the method has none. */
    private static String nameOf(String method, JsonObject params) {
        String member = switch (method) {
            case McpMethods.TOOLS_CALL, McpMethods.PROMPTS_GET -> "name";
            case McpMethods.RESOURCES_READ -> "uri";
            default -> null;
        };
        return member != null && params.get(member) instanceof JsonString text ? text.getString() : null;
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
