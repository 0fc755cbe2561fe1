package dev.delegatemcp.samples.telemetry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the server exported lately: its last {@value #MAX_SPANS} spans, and the latest export of each metric (they are
 * cumulative, so the latest holds every count). In memory, for the demo only.
 */
@ApplicationScoped
public class ReceivedTelemetry {

    static final int MAX_SPANS = 5000;

    /** A span and the service that exported it. */
    public record ReceivedSpan(Span span, String scope, String service) {
    }

    private final ArrayDeque<ReceivedSpan> spans = new ArrayDeque<>();
    private final Map<String, Metric> metrics = new TreeMap<>();

    public synchronized void add(ExportTraceServiceRequest request) {
        request.getResourceSpansList().forEach(resource -> {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name"))
                    .map(attribute -> attribute.getValue().getStringValue()).findFirst().orElse("");
            resource.getScopeSpansList().forEach(scope -> scope.getSpansList().forEach(span -> {
                if (ownOrProbe(span)) {
                    return;
                }
                spans.addLast(new ReceivedSpan(span, scope.getScope().getName(), service));
                if (spans.size() > MAX_SPANS) {
                    spans.removeFirst();
                }
            }));
        });
    }

    /**
     * Whether the span is Liberty's of a request to this receiver (each export is one, which the next export would
     * carry, and so on) or of a health probe: kept, they would push the MCP requests' spans out of the buffer.
     */
    static boolean ownOrProbe(Span span) {
        for (var attribute : span.getAttributesList()) {
            if (attribute.getKey().equals("http.route") || attribute.getKey().equals("url.path")) {
                String path = attribute.getValue().getStringValue();
                if (path.startsWith("/sample-telemetry") || path.startsWith("/health")) {
                    return true;
                }
            }
        }
        return false;
    }

    public synchronized void add(ExportMetricsServiceRequest request) {
        request.getResourceMetricsList().forEach(resource -> resource.getScopeMetricsList()
                .forEach(scope -> scope.getMetricsList().forEach(metric -> metrics.put(metric.getName(), metric))));
    }

    public synchronized List<ReceivedSpan> spans() {
        return new ArrayList<>(spans);
    }

    public synchronized List<Metric> metrics() {
        return new ArrayList<>(metrics.values());
    }
}
