package dev.delegatemcp.server.protocol;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.server.tools.ToolsHandler;
import dev.delegatemcp.server.transport.McpSession;
import dev.delegatemcp.server.transport.ProtocolVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Routes JSON-RPC requests by MCP method. Notifications need no answer and are accepted here. */
@ApplicationScoped
public class McpDispatcher {

    /** Looked up once: {@code Json.createXxx} looks the provider up again on every call (a class-loader lock). */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The outcome of initialize: the result to send, the version the session speaks and what the client can do. */
    public record Initialized(JsonObject result, String protocolVersion, ClientCapabilities clientCapabilities) {
    }

    @Inject
    ToolsHandler tools;

    @Inject
    @ConfigProperty(name = "mcp.server.name", defaultValue = "delegate-mcp")
    String serverName;

    @Inject
    @ConfigProperty(name = "mcp.server.version", defaultValue = "0.1.0")
    String serverVersion;

    @Inject
    @ConfigProperty(name = "mcp.server.instructions", defaultValue = " ")
    String instructions;

    /** initialize: negotiates the protocol version and announces what the server can do. */
    public Initialized initialize(JsonObject params) {
        JsonValue requested = params.get("protocolVersion");
        if (!(requested instanceof JsonString requestedVersion)) {
            throw JsonRpcException.invalidParams("Invalid params: \"protocolVersion\" must be a string");
        }
        String version = ProtocolVersions.negotiate(requestedVersion.getString());
        var result = JSON.createObjectBuilder()
                .add("protocolVersion", version)
                .add("capabilities", JSON.createObjectBuilder()
                        .add("tools", JSON.createObjectBuilder().add("listChanged", false)))
                .add("serverInfo", JSON.createObjectBuilder().add("name", serverName).add("version", serverVersion));
        if (!instructions.isBlank()) {
            result.add("instructions", instructions.trim());
        }
        JsonValue capabilities = params.get("capabilities");
        return new Initialized(result.build(), version, ClientCapabilities.from(
                capabilities instanceof JsonObject declared ? declared : JsonValue.EMPTY_JSON_OBJECT));
    }

    /** Any request after initialize, in the caller's session. */
    public JsonObject dispatch(JsonRpcMessage request, McpCaller caller, McpSession session) {
        return switch (request.method()) {
            case "ping" -> JsonValue.EMPTY_JSON_OBJECT;
            case "tools/list" -> tools.list(request.params(), caller);
            case "tools/call" -> tools.call(request.params(), caller, session.clientCapabilities());
            case "initialize" -> throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST,
                    "Invalid Request: the session is already initialized");
            default -> throw JsonRpcException.methodNotFound(request.method());
        };
    }
}
