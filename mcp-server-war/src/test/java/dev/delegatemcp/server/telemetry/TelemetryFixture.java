package dev.delegatemcp.server.telemetry;

import java.util.List;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** A real OpenTelemetry SDK recording in memory, for tests of what the server records. */
public final class TelemetryFixture implements AutoCloseable {

    public final InMemorySpanExporter spans = InMemorySpanExporter.create();
    public final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    public final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build()).build();
    public final McpTelemetry telemetry = new McpTelemetry(sdk);

    public List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }

    public SpanData span(String name) {
        return finished().stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + finished()));
    }

    public MetricData metric(String name) {
        return metrics.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    public List<HistogramPointData> points(String name) {
        return List.copyOf(metric(name).getHistogramData().getPoints());
    }

    @Override
    public void close() {
        sdk.close();
    }
}
