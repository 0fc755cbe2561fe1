package dev.delegatemcp.test;

import java.util.List;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The server's answer to one request: the JSON-RPC response, and the notifications and requests the server sent on
 * that request's stream before it (Streamable HTTP, MCP 2025-11-25: a POST's response may be an event stream).
 *
 * @param method the request's method
 * @param message the JSON-RPC response object ({@code result} or {@code error})
 * @param notifications the notifications received for this request, in order ({@code notifications/progress},
 *        {@code notifications/message}, ...)
 * @param serverRequests the requests the server sent meanwhile ({@code sampling/createMessage},
 *        {@code elicitation/create}, {@code roots/list}, {@code ping}), each already answered by the client
 */
public record McpResponse(String method, JsonObject message, List<JsonObject> notifications,
        List<JsonObject> serverRequests) {

    /** A {@code notifications/progress} (MCP 2025-11-25, Utilities, Progress); {@code total} and message may be null. */
    public record Progress(double progress, Double total, String message) {
    }

    /** A {@code notifications/message} (MCP 2025-11-25, Server utilities, Logging). */
    public record LogMessage(String level, String logger, JsonValue data) {
    }

    /** True when the answer is a JSON-RPC error. */
    public boolean isError() {
        return message.containsKey("error");
    }

    /**
     * The {@code result} object.
     *
     * @throws McpErrorException when the answer is a JSON-RPC error
     */
    public JsonObject result() {
        if (isError()) {
            throw new McpErrorException(method, message.getJsonObject("error"));
        }
        return message.getJsonObject("result");
    }

    /** The progress notifications received for this request, in order. */
    public List<Progress> progress() {
        return notifications.stream().filter(n -> "notifications/progress".equals(n.getString("method", null)))
                .map(n -> n.getJsonObject("params")).map(p -> new Progress(p.getJsonNumber("progress").doubleValue(),
                        p.get("total") instanceof JsonNumber total ? total.doubleValue() : null,
                        p.getString("message", null)))
                .toList();
    }

    /** The log messages received for this request, in order (only at or above the level the client set). */
    public List<LogMessage> logs() {
        return notifications.stream().filter(n -> "notifications/message".equals(n.getString("method", null)))
                .map(n -> n.getJsonObject("params")).map(p -> new LogMessage(p.getString("level", null),
                        p.getString("logger", null), p.getOrDefault("data", JsonValue.NULL)))
                .toList();
    }
}
