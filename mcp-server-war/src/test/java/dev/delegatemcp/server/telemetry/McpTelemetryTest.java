package dev.delegatemcp.server.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.CallToolResult;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class McpTelemetryTest {

    private static final String CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

    private final TelemetryFixture otel = new TelemetryFixture();

    @AfterEach
    void close() {
        otel.close();
    }

    private static JsonObject call(String tool) {
        return Json.createObjectBuilder().add("name", tool).build();
    }

    @Test
    void aToolCallIsAServerSpanNamedByMethodAndToolWithTheConventionsAttributes() {
        McpOperation operation = otel.telemetry.serve("tools/call", call("echo"), Json.createValue(7), "2025-11-25");
        operation
                .result(new CallToolResult(List.of(new dev.delegatemcp.wire.mcp.ContentBlock.Text("hi")), false, null));
        operation.end();
        SpanData span = otel.span("tools/call echo");
        assertEquals(SpanKind.SERVER, span.getKind());
        assertEquals("tools/call", span.getAttributes().get(McpAttributes.METHOD));
        assertEquals("echo", span.getAttributes().get(McpAttributes.TOOL_NAME));
        assertEquals("7", span.getAttributes().get(McpAttributes.REQUEST_ID));
        assertEquals("execute_tool", span.getAttributes().get(McpAttributes.OPERATION_NAME));
        assertEquals("2025-11-25", span.getAttributes().get(McpAttributes.PROTOCOL_VERSION));
        assertNull(span.getAttributes().get(McpAttributes.ERROR_TYPE));
        HistogramPointData point = otel.points("mcp.server.operation.duration").get(0);
        assertEquals(1, point.getCount());
        assertEquals("echo", point.getAttributes().get(McpAttributes.TOOL_NAME));
        assertNull(point.getAttributes().get(McpAttributes.REQUEST_ID), "one series per request otherwise");
        assertEquals(McpAttributes.DURATION_BUCKETS, point.getBoundaries());
    }

    @Test
    void aToolResultWithIsErrorIsAToolError() {
        McpOperation operation = otel.telemetry.serve("tools/call", call("echo"), Json.createValue(1), "2025-11-25");
        operation.result(CallToolResult.error("The calendar did not answer."));
        operation.end();
        SpanData span = otel.span("tools/call echo");
        assertEquals("tool_error", span.getAttributes().get(McpAttributes.ERROR_TYPE));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        HistogramPointData point = otel.points("mcp.server.operation.duration").get(0);
        assertEquals("tool_error", point.getAttributes().get(McpAttributes.ERROR_TYPE));
        assertEquals("echo", point.getAttributes().get(McpAttributes.TOOL_NAME));
    }

    @Test
    void aProtocolErrorCarriesItsCodeAndNeitherSpanNameNorMetricKeepTheNameTheClientSent() {
        McpOperation operation = otel.telemetry.serve("tools/call", call("no-such-tool-" + "x".repeat(100)),
                Json.createValue("r".repeat(100)), "2025-11-25");
        operation.failed(JsonRpcException.invalidParams("Unknown tool: no-such-tool"));
        operation.end();
        SpanData span = otel.finished().get(0);
        assertEquals("tools/call", span.getName());
        assertEquals("-32602", span.getAttributes().get(McpAttributes.ERROR_TYPE));
        assertEquals("-32602", span.getAttributes().get(McpAttributes.RPC_STATUS_CODE));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("", span.getStatus().getDescription(), "the message may repeat what the client sent");
        assertEquals("no-such-tool-" + "x".repeat(64 - "no-such-tool-".length()),
                span.getAttributes().get(McpAttributes.TOOL_NAME), "kept on the span, cut to 64 characters");
        assertEquals(64, span.getAttributes().get(McpAttributes.REQUEST_ID).length());
        HistogramPointData point = otel.points("mcp.server.operation.duration").get(0);
        assertEquals("-32602", point.getAttributes().get(McpAttributes.ERROR_TYPE));
        assertNull(point.getAttributes().get(McpAttributes.TOOL_NAME));
    }

    @Test
    void notRecordingTheClientsTraceIsCurrentWhileTheOperationRunsSoThatLogLinesCarryIt() {
        McpOperation operation = McpTelemetry.off().serve("tools/call", call("echo"), Json.createValue(1),
                "2025-11-25", TraceContext.of("00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01", "vendor=abc"));
        String during = LogTraceIds.current(io.opentelemetry.api.trace.SpanContext::getTraceId);
        Optional<TraceContext> outgoing = TraceContexts.outgoing(Optional.empty());
        operation.end();
        assertEquals(CLIENT_TRACE, during);
        assertEquals("00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01", outgoing.orElseThrow().traceparent());
        assertEquals("vendor=abc", outgoing.orElseThrow().tracestate(), "passed on as the client sent it");
        assertFalse(Span.current().getSpanContext().isValid());
        assertEquals(List.of(), otel.finished());
    }

    @Test
    void anExceptionIsRecordedByClassWithoutItsMessage() {
        McpOperation operation = otel.telemetry.serve("resources/read", null, Json.createValue("r1"), "2025-11-25");
        operation.failed(new IllegalStateException("secret request data"));
        operation.end();
        SpanData span = otel.span("resources/read");
        assertEquals(IllegalStateException.class.getName(), span.getAttributes().get(McpAttributes.ERROR_TYPE));
        assertEquals("", span.getStatus().getDescription());
        assertEquals("r1", span.getAttributes().get(McpAttributes.REQUEST_ID));
    }

    @Test
    void theTraceContextInMetaIsTheParentAndTheHttpRequestsSpanIsLinked() {
        Span http = otel.sdk.getTracer("test").spanBuilder("POST /mcp").startSpan();
        try (Scope scope = http.makeCurrent()) {
            JsonObject params = Json.createObjectBuilder().add("name", "echo")
                    .add("_meta", Json.createObjectBuilder()
                            .add("traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01")
                            .add("tracestate", "vendor=abc"))
                    .build();
            otel.telemetry.serve("tools/call", params, Json.createValue(1), "2026-07-28").end();
        } finally {
            http.end();
        }
        SpanData span = otel.span("tools/call echo");
        assertEquals(CLIENT_TRACE, span.getTraceId());
        assertEquals(CLIENT_SPAN, span.getParentSpanId());
        assertEquals("abc", span.getSpanContext().getTraceState().get("vendor"));
        assertEquals(1, span.getLinks().size());
        assertEquals(http.getSpanContext().getSpanId(), span.getLinks().get(0).getSpanContext().getSpanId());
    }

    @Test
    void withoutATraceContextInMetaTheCurrentSpanIsTheParent() {
        Span http = otel.sdk.getTracer("test").spanBuilder("POST /mcp").startSpan();
        try (Scope scope = http.makeCurrent()) {
            JsonObject params = Json.createObjectBuilder().add("name", "echo")
                    .add("_meta", Json.createObjectBuilder().add("traceparent", "not-a-traceparent")).build();
            otel.telemetry.serve("tools/call", params, Json.createValue(1), "2025-11-25").end();
        } finally {
            http.end();
        }
        SpanData span = otel.span("tools/call echo");
        assertEquals(http.getSpanContext().getSpanId(), span.getParentSpanId());
        assertTrue(span.getLinks().isEmpty());
    }

    @Test
    void whileAnOperationRunsItsSpanIsWhatGoesOnToTheServicesItCalls() {
        Optional<TraceContext> client = TraceContext.of("00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01", null);
        assertEquals(client, TraceContexts.outgoing(client), "not recorded: the client's, as it sent it");
        McpOperation operation = otel.telemetry.serve("tools/call", call("echo"), Json.createValue(1), "2025-11-25");
        Span current = Span.current();
        Optional<TraceContext> outgoing = TraceContexts.outgoing(client);
        operation.end();
        assertEquals("00-" + current.getSpanContext().getTraceId() + "-" + current.getSpanContext().getSpanId()
                + "-01", outgoing.orElseThrow().traceparent());
        assertFalse(Span.current().getSpanContext().isValid(), "ended: the previous context is current again");
    }

    @Test
    void aRequestToARemoteServerIsAClientSpanWhoseContextIsSent() {
        McpOperation operation = otel.telemetry.send("tools/call", URI.create("https://crm.example/mcp"));
        Optional<TraceContext> sent = operation.traceContext(Optional.empty());
        operation.result(Json.createObjectBuilder().add("isError", true).build());
        operation.end();
        SpanData span = otel.span("tools/call");
        assertEquals(SpanKind.CLIENT, span.getKind());
        assertEquals("crm.example", span.getAttributes().get(McpAttributes.SERVER_ADDRESS));
        assertEquals(443L, span.getAttributes().get(McpAttributes.SERVER_PORT));
        assertEquals("tool_error", span.getAttributes().get(McpAttributes.ERROR_TYPE));
        assertTrue(sent.orElseThrow().traceparent().contains(span.getSpanId()));
        assertEquals(1, otel.points("mcp.client.operation.duration").get(0).getCount());
    }

    @Test
    void aGaugeIsReadAtEachCollectionUntilItsRegistrationIsClosed() throws Exception {
        AtomicLong sessions = new AtomicLong(3);
        AutoCloseable gauge = otel.telemetry.observe("delegatemcp.server.active_sessions", "{session}", "sessions",
                sessions::get);
        assertEquals(3, otel.metric("delegatemcp.server.active_sessions").getLongSumData().getPoints().iterator()
                .next().getValue());
        sessions.set(5);
        assertEquals(5, otel.metric("delegatemcp.server.active_sessions").getLongSumData().getPoints().iterator()
                .next().getValue());
        gauge.close();
        assertTrue(otel.metrics.collectAllMetrics().stream()
                .noneMatch(m -> m.getName().equals("delegatemcp.server.active_sessions")));
    }

    @Test
    void aLogLineOfARequestNobodyTracedCarriesTheClientsTraceIdIfItSentOne() {
        String[] seen = new String[2];
        TraceContexts.inClientTrace(name -> "traceparent".equals(name) ? "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN
                + "-01" : null,
                () -> seen[0] = LogTraceIds.current(io.opentelemetry.api.trace.SpanContext::getTraceId));
        TraceContexts.inClientTrace(name -> null,
                () -> seen[1] = LogTraceIds.current(io.opentelemetry.api.trace.SpanContext::getTraceId));
        assertEquals(CLIENT_TRACE, seen[0]);
        assertNull(seen[1], "no trace, no id");
        assertFalse(Span.current().getSpanContext().isValid(), "the client's context is current only meanwhile");
    }

    @Test
    void refusedRequestsAreCountedByWhetherTheyPresentedAToken() {
        otel.telemetry.refused(true);
        otel.telemetry.refused(true);
        otel.telemetry.refused(false);
        java.util.Map<Boolean, Long> counts = new java.util.HashMap<>();
        otel.metric("delegatemcp.server.refused_requests").getLongSumData().getPoints().forEach(point -> counts.put(
                point.getAttributes().get(io.opentelemetry.api.common.AttributeKey.booleanKey(
                        "delegatemcp.auth.token_presented")),
                point.getValue()));
        assertEquals(java.util.Map.of(true, 2L, false, 1L), counts);
    }

    @Test
    void offRecordsNothingAndPassesTheClientsTraceContextOn() {
        McpTelemetry off = McpTelemetry.off();
        McpOperation operation = off.serve("tools/call", call("echo"), Json.createValue(1), "2025-11-25");
        Optional<TraceContext> client = TraceContext.of("00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01", null);
        assertEquals(client, operation.traceContext(client));
        operation.end();
        assertEquals(List.of(), otel.finished());
    }
}
