package dev.delegatemcp.samples.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import org.junit.jupiter.api.Test;

class TraceTreesTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String OTHER = "0af7651916cd43dd8448eb211c80319c";

    private static Span span(String trace, String id, String parent, String name, Span.SpanKind kind, long startMs,
            long endMs, KeyValue... attributes) {
        Span.Builder span = Span.newBuilder().setTraceId(bytes(trace)).setSpanId(bytes(id)).setName(name)
                .setKind(kind).setStartTimeUnixNano(startMs * 1_000_000).setEndTimeUnixNano(endMs * 1_000_000);
        if (parent != null) {
            span.setParentSpanId(bytes(parent));
        }
        for (KeyValue attribute : attributes) {
            span.addAttributes(attribute);
        }
        return span.build();
    }

    private static ByteString bytes(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static ScopeSpans scope(String name, Span... spans) {
        return ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName(name))
                .addAllSpans(List.of(spans)).build();
    }

    @Test
    void aTraceWithAnMcpRequestIsATreeOfItsSpansWithDurationsAndOthersAreLeftOut() {
        ReceivedTelemetry received = new ReceivedTelemetry();
        received.add(ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "delegate-mcp-demo")))
                .addScopeSpans(scope("io.openliberty.microprofile.telemetry",
                        span(TRACE, "0000000000000001", "00f067aa0ba902b7", "POST /mcp-server/mcp",
                                Span.SpanKind.SPAN_KIND_SERVER, 1000, 1032),
                        span(TRACE, "0000000000000004", "0000000000000003", "POST", Span.SpanKind.SPAN_KIND_CLIENT,
                                1005, 1016, attribute("url.full", "http://localhost:8180/token?x=secret-query"),
                                attribute("server.address", "localhost")),
                        span(OTHER, "0000000000000009", null, "POST /sample-telemetry/v1/traces",
                                Span.SpanKind.SPAN_KIND_SERVER, 2000, 2001,
                                attribute("http.route", "/sample-telemetry/v1/traces"))))
                .addScopeSpans(scope(TraceTrees.MCP_SCOPE,
                        span(TRACE, "0000000000000002", "0000000000000001", "tools/call calendar_events",
                                Span.SpanKind.SPAN_KIND_SERVER, 1002, 1030,
                                attribute("mcp.method.name", "tools/call"))))
                .addScopeSpans(scope("dev.delegatemcp.credentials",
                        span(TRACE, "0000000000000003", "0000000000000002", "credential calendar",
                                Span.SpanKind.SPAN_KIND_INTERNAL, 1003, 1020,
                                attribute("delegatemcp.credential.outcome", "granted")))))
                .build());

        assertEquals(4, received.spans().size(), "the receiver's own requests are not kept");
        String text = TraceTrees.render(received.spans(), 3);
        assertEquals(
                """
                        trace 4bf92f3577b34da6a3ce929d0e0e4736  (delegate-mcp-demo)
                          POST /mcp-server/mcp                                   SERVER      32.00 ms
                            tools/call calendar_events                           SERVER      28.00 ms
                              credential calendar                                INTERNAL    17.00 ms  outcome=granted
                                POST                                             CLIENT      11.00 ms  url=http://localhost:8180/token

                        """,
                text);
    }

    @Test
    void withoutAnMcpRequestItSaysWhatToDo() {
        assertTrue(TraceTrees.render(List.of(), 3).startsWith("No trace of an MCP request received yet"));
    }

    @Test
    void withoutAnyTraceItSaysHowToTurnTelemetryOnSinceItIsOffByDefault() {
        assertTrue(TraceTrees.render(List.of(), 3).contains("start the server with OTEL_SDK_DISABLED=false"));
    }
}
