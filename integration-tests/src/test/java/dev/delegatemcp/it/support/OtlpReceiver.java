package dev.delegatemcp.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OTLP/HTTP receiver (OpenTelemetry Protocol, binary protobuf: {@code POST /v1/traces}, {@code /v1/metrics}) for
 * the test server's exports, on {@code it.otlp.port}, for the whole test run ({@link OtlpReceiverSession}): built on
 * the opentelemetry-proto message classes. It keeps every span and the latest export of every metric, and answers
 * 200 with an empty {@code Export*ServiceResponse} (no partial success).
 */
public final class OtlpReceiver {

    /** A span as received, with the resource and scope it came with. */
    public record ReceivedSpan(Span span, String scope, List<KeyValue> resource) {

        public String traceId() {
            return HexFormat.of().formatHex(span.getTraceId().toByteArray());
        }

        public String spanId() {
            return HexFormat.of().formatHex(span.getSpanId().toByteArray());
        }

        public String parentSpanId() {
            return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
        }

        public String name() {
            return span.getName();
        }

        /** The attribute's value as text (string, int, bool or double), or null. */
        public String attribute(String key) {
            return OtlpReceiver.attributeOf(span.getAttributesList(), key);
        }

        public double millis() {
            return (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1e6;
        }
    }

    private static OtlpReceiver instance;

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new ArrayList<>();
    private final List<Metric> metrics = new ArrayList<>();

    private OtlpReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", port), 50);
        server.createContext("/v1/traces", exchange -> receive(exchange, true));
        server.createContext("/v1/metrics", exchange -> receive(exchange, false));
        server.createContext("/v1/logs", exchange -> answer(exchange, 200, new byte[0]));
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    /** Starts the run's receiver on {@code it.otlp.port} (once). */
    static synchronized void start() {
        if (instance == null) {
            try {
                instance = new OtlpReceiver(Integer.getInteger("it.otlp.port", 19318));
            } catch (IOException e) {
                throw new UncheckedIOException("The OTLP receiver could not listen on it.otlp.port", e);
            }
        }
    }

    static synchronized void stop() {
        if (instance != null) {
            instance.server.stop(0);
            instance = null;
        }
    }

    /** The run's receiver. @throws IllegalStateException when the session listener did not start it */
    public static synchronized OtlpReceiver get() {
        if (instance == null) {
            throw new IllegalStateException("No OTLP receiver: OtlpReceiverSession did not start");
        }
        return instance;
    }

    private void receive(HttpExchange exchange, boolean traces) throws IOException {
        try (InputStream raw = exchange.getRequestBody();
                InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(raw) : raw) {
            if (traces) {
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
                synchronized (this) {
                    request.getResourceSpansList().forEach(resource -> resource.getScopeSpansList()
                            .forEach(scope -> scope.getSpansList().forEach(span -> spans.add(new ReceivedSpan(span,
                                    scope.getScope().getName(), resource.getResource().getAttributesList())))));
                    notifyAll();
                }
                answer(exchange, 200, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
            } else {
                ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body);
                synchronized (this) {
                    request.getResourceMetricsList().forEach(resource -> resource.getScopeMetricsList()
                            .forEach(scope -> scope.getMetricsList().forEach(metric -> {
                                metrics.removeIf(kept -> kept.getName().equals(metric.getName()));
                                metrics.add(metric);
                            })));
                    notifyAll();
                }
                answer(exchange, 200, ExportMetricsServiceResponse.getDefaultInstance().toByteArray());
            }
        } catch (IOException | RuntimeException e) {
            answer(exchange, 400, new byte[0]);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** Every span received so far. */
    public synchronized List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** The spans of that trace, waiting up to {@code timeout} until {@code complete} holds for them. */
    public synchronized List<ReceivedSpan> trace(String traceId, Predicate<List<ReceivedSpan>> complete,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ReceivedSpan> found = spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
            long left = deadline - System.nanoTime();
            if (complete.test(found) || left <= 0) {
                return found;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The first span received that matches, waiting up to {@code timeout}; null when none came. */
    public synchronized ReceivedSpan awaitSpan(Predicate<ReceivedSpan> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ReceivedSpan span : spans) {
                if (match.test(span)) {
                    return span;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The latest export of every metric received. */
    public synchronized List<Metric> metrics() {
        return List.copyOf(metrics);
    }

    /** The latest export of the metric, or null. */
    public synchronized Metric metric(String name) {
        return metrics.stream().filter(metric -> metric.getName().equals(name)).findFirst().orElse(null);
    }

    /** Waits until the next export of metrics after this call arrives (at most {@code timeout}). */
    public synchronized void awaitNextMetricExport(Duration timeout) throws InterruptedException {
        List<Metric> before = List.copyOf(metrics);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (metrics.equals(before)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The attribute's value as text (string, int, bool or double), or null. */
    public static String attributeOf(List<KeyValue> attributes, String key) {
        for (KeyValue attribute : attributes) {
            if (attribute.getKey().equals(key)) {
                var value = attribute.getValue();
                return switch (value.getValueCase()) {
                    case STRING_VALUE -> value.getStringValue();
                    case INT_VALUE -> Long.toString(value.getIntValue());
                    case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
                    case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
                    default -> value.toString();
                };
            }
        }
        return null;
    }
}
