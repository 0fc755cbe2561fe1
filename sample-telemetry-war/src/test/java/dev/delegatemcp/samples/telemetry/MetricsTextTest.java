package dev.delegatemcp.samples.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.Sum;

import org.junit.jupiter.api.Test;

class MetricsTextTest {

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static Metric histogram(String name, long count, double sum, KeyValue... attributes) {
        return Metric.newBuilder().setName(name).setUnit("s").setHistogram(Histogram.newBuilder().addDataPoints(
                HistogramDataPoint.newBuilder().setCount(count).setSum(sum).addAllAttributes(List.of(attributes))))
                .build();
    }

    @Test
    void theServersMetricsComeFirstAndTheReceiversOwnRequestsAndOthersAreLeftOut() {
        Metric http = Metric.newBuilder().setName("http.server.request.duration").setUnit("s")
                .setHistogram(Histogram.newBuilder()
                        .addDataPoints(HistogramDataPoint.newBuilder().setCount(49).setSum(0.2)
                                .addAttributes(attribute("http.route", "/sample-telemetry/v1/traces")))
                        .addDataPoints(HistogramDataPoint.newBuilder().setCount(1).setSum(0.03)
                                .addAttributes(attribute("http.route", "/mcp-server/mcp"))))
                .build();
        List<Metric> received = List.of(http,
                Metric.newBuilder().setName("delegatemcp.credential.cache.size").setUnit("{credential}")
                        .setSum(Sum.newBuilder().addDataPoints(NumberDataPoint.newBuilder().setAsInt(2))).build(),
                histogram("mcp.server.operation.duration", 3, 0.084, attribute("gen_ai.tool.name", "calendar_events")),
                histogram("jvm.gc.duration", 7, 0.5));
        assertEquals("""
                mcp.server.operation.duration (s)
                  count=3 sum=0.0840  gen_ai.tool.name=calendar_events
                delegatemcp.credential.cache.size ({credential})
                  value=2
                http.server.request.duration (s)
                  count=1 sum=0.0300  http.route=/mcp-server/mcp
                """, MetricsText.render(received));
    }

    @Test
    void withoutAnyMetricItSaysHowToTurnTelemetryOnSinceItIsOffByDefault() {
        String text = MetricsText.render(List.of());
        assertTrue(text.startsWith("No metrics received yet"), text);
        assertTrue(text.contains("start the server with OTEL_SDK_DISABLED=false"), text);
    }
}
