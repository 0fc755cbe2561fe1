package dev.delegatemcp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import dev.delegatemcp.server.protocol.outcome.OutcomeRenderer;
import dev.delegatemcp.server.telemetry.McpAttributes;
import dev.delegatemcp.server.telemetry.TelemetryFixture;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.mcp.CallToolResult;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every request the dispatcher serves is one MCP operation: a span and a duration, with how it ended. */
class McpDispatcherTelemetryTest {

    private final TelemetryFixture otel = new TelemetryFixture();

    /** tools/call: "ok" succeeds, "fails" is a tool error, anything else an unknown tool. */
    private static final class Tools implements McpFeature {
        @Override
        public Set<String> methods() {
            return Set.of("tools/call");
        }

        @Override
        public Object handle(JsonObject params, RequestContext context) {
            return switch (params.getString("name")) {
                case "ok" -> new CallToolResult(List.of(), false, null);
                case "fails" -> CallToolResult.error("The service did not answer.");
                default -> throw JsonRpcException.invalidParams("Unknown tool: " + params.getString("name"));
            };
        }
    }

    private final McpDispatcher dispatcher =
            new McpDispatcher(List.of(new Tools()), new OutcomeRenderer(), otel.telemetry);

    @AfterEach
    void close() {
        otel.close();
    }

    private Object call(String method, String tool) {
        JsonObject params = Json.createObjectBuilder().add("name", tool).build();
        return dispatcher.dispatch(new JsonRpcMessage(Json.createValue(1), method, params),
                new RequestContext(Json.createValue(1), method, null, ProtocolVersion.V2025_11_25,
                        ClientCapabilities.NONE, "s1", null));
    }

    @Test
    void eachOutcomeIsRecordedOnTheSpanAndCountedByToolAndErrorType() {
        call("tools/call", "ok");
        call("tools/call", "ok");
        call("tools/call", "fails");
        assertThrows(JsonRpcException.class, () -> call("tools/call", "nope"));
        assertThrows(JsonRpcException.class, () -> call("tools/unknown", "x"));

        assertFalse(Span.current().getSpanContext().isValid(), "no span left current after a failed request");

        // A refused tool name is not the span's name; a method the server does not serve is _OTHER: neither is a
        // value any client may choose.
        assertEquals(List.of("tools/call ok", "tools/call ok", "tools/call fails", "tools/call", "_OTHER"),
                otel.finished().stream().map(SpanData::getName).toList());
        assertEquals("-32601", otel.span("_OTHER").getAttributes().get(McpAttributes.ERROR_TYPE));
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        otel.points("mcp.server.operation.duration").forEach(point -> counts.put(
                point.getAttributes().get(McpAttributes.METHOD) + " "
                        + point.getAttributes().get(McpAttributes.TOOL_NAME) + " "
                        + point.getAttributes().get(McpAttributes.ERROR_TYPE),
                point.getCount()));
        assertEquals(java.util.Map.of("tools/call ok null", 2L, "tools/call fails tool_error", 1L,
                "tools/call null -32602", 1L, "_OTHER null -32601", 1L), counts);
    }
}
