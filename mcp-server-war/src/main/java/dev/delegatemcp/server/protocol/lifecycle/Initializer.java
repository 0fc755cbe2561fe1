package dev.delegatemcp.server.protocol.lifecycle;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.delegatemcp.server.ServerConfig;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.server.protocol.McpFeature;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.Implementation;
import dev.delegatemcp.wire.mcp.InitializeResult;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * {@code initialize} (MCP 2025-11-25, Lifecycle, Initialization): negotiates the protocol version and announces the
 * server's capabilities, gathered from the {@link McpFeature}s (in capability-name order), its name and version and
 * its instructions ({@code mcp.server.*}).
 */
@ApplicationScoped
public class Initializer {

    /** The outcome of initialize: the result to send, the version the session speaks and what the client can do. */
    public record Initialized(InitializeResult result, ProtocolVersion protocolVersion,
            ClientCapabilities clientCapabilities) {
    }

    private final ServerConfig config;
    private final Map<String, Object> capabilities;
    private final JsonObject capabilitiesJson;

    /** For CDI proxies only. */
    protected Initializer() {
        config = null;
        capabilities = Map.of();
        capabilitiesJson = JsonValue.EMPTY_JSON_OBJECT;
    }

    @Inject
    public Initializer(@Any Instance<McpFeature> features, ServerConfig config) {
        this((Iterable<McpFeature>) features, config);
    }

    public Initializer(Iterable<McpFeature> features, ServerConfig config) {
        this.config = config;
        Map<String, Object> gathered = new LinkedHashMap<>();
        java.util.stream.StreamSupport.stream(features.spliterator(), false)
                .flatMap(feature -> feature.capability().stream())
                .sorted(Comparator.comparing(McpFeature.Capability::name))
                .forEach(capability -> gathered.put(capability.name(), capability.options()));
        capabilities = java.util.Collections.unmodifiableMap(gathered);
        try (var reader = jakarta.json.Json.createReader(
                new java.io.StringReader(dev.delegatemcp.wire.WireJson.toJson(capabilities)))) {
            capabilitiesJson = reader.readObject();
        }
    }

    /** The capabilities as a JSON object, e.g. for {@code server/discover} (made once: they are fixed). */
    public JsonObject capabilitiesJson() {
        return capabilitiesJson;
    }

    /**
     * @param params initialize's params
     * @throws JsonRpcException -32602 when {@code protocolVersion} is not a string
     */
    public Initialized initialize(JsonObject params) {
        JsonValue requested = params.get("protocolVersion");
        if (!(requested instanceof JsonString requestedVersion)) {
            throw JsonRpcException.invalidParams("Invalid params: \"protocolVersion\" must be a string");
        }
        ProtocolVersion version = ProtocolVersion.negotiate(requestedVersion.getString());
        InitializeResult result = new InitializeResult(version.text(), capabilities,
                Implementation.of(config.name(), config.version()),
                config.instructions().map(String::trim).filter(text -> !text.isEmpty()).orElse(null));
        JsonValue declared = params.get("capabilities");
        return new Initialized(result, version, ClientCapabilities.from(
                declared instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT));
    }
}
