package dev.delegatemcp.server.protocol.stateless;

import java.util.Optional;

import dev.delegatemcp.api.interaction.McpLog;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.McpMeta;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What a request without a session says about itself in {@code params._meta} (MCP 2026-07-28, Basic, {@code _meta}:
 * per-request protocol fields, and the OpenTelemetry trace context keys).
 *
 * @param protocolVersion {@code io.modelcontextprotocol/protocolVersion} as written
 * @param capabilities {@code io.modelcontextprotocol/clientCapabilities}, as far as the server acts on it
 * @param logLevel {@code io.modelcontextprotocol/logLevel}: the lowest level of log messages the client wants for
 *        this request; empty means none at all (Logging: servers MUST NOT emit messages for requests without it)
 * @param traceparent W3C {@code traceparent}, or null
 * @param tracestate W3C {@code tracestate}, or null
 */
public record RequestMetadata(String protocolVersion, ClientCapabilities capabilities,
        Optional<McpLog.Level> logLevel, String traceparent, String tracestate) {

    /** {@code params._meta["io.modelcontextprotocol/protocolVersion"]} when it is a string. */
    public static Optional<String> declaredVersion(JsonObject params) {
        return params.get("_meta") instanceof JsonObject meta
                && meta.get(McpMeta.PROTOCOL_VERSION) instanceof JsonString version
                        ? Optional.of(version.getString()) : Optional.empty();
    }

    /**
     * @throws JsonRpcException -32602 when {@code _meta}, its protocol version or its client capabilities are
     *         missing or not of their type, or the log level is not a LoggingLevel (a malformed request: HTTP 400)
     */
    public static RequestMetadata read(JsonObject params) {
        if (!(params.get("_meta") instanceof JsonObject meta)) {
            throw JsonRpcException.invalidParams("Invalid params: \"_meta\" with \"" + McpMeta.PROTOCOL_VERSION
                    + "\" and \"" + McpMeta.CLIENT_CAPABILITIES + "\" is required on every request");
        }
        if (!(meta.get(McpMeta.PROTOCOL_VERSION) instanceof JsonString version)) {
            throw JsonRpcException.invalidParams(
                    "Invalid params: _meta[\"" + McpMeta.PROTOCOL_VERSION + "\"] must be a string");
        }
        if (!(meta.get(McpMeta.CLIENT_CAPABILITIES) instanceof JsonObject capabilities)) {
            throw JsonRpcException.invalidParams("Invalid params: _meta[\"" + McpMeta.CLIENT_CAPABILITIES
                    + "\"] is required (an object; {} when the client declares nothing)");
        }
        Optional<McpLog.Level> level = Optional.empty();
        JsonValue asked = meta.get(McpMeta.LOG_LEVEL);
        if (asked != null && asked != JsonValue.NULL) {
            level = asked instanceof JsonString text ? level(text.getString()) : Optional.empty();
            if (level.isEmpty()) {
                throw JsonRpcException.invalidParams("Invalid params: _meta[\"" + McpMeta.LOG_LEVEL
                        + "\"] must be one of debug, info, notice, warning, error, critical, alert, emergency");
            }
        }
        return new RequestMetadata(version.getString(), ClientCapabilities.from(capabilities), level,
                text(meta.get(McpMeta.TRACEPARENT)), text(meta.get(McpMeta.TRACESTATE)));
    }

    private static Optional<McpLog.Level> level(String name) {
        for (McpLog.Level level : McpLog.Level.values()) {
            if (level.wireName().equals(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : null;
    }
}
