package dev.delegatemcp.server.telemetry;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.wire.mcp.McpMethods;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Starts the span and the duration measurement of each MCP operation this server serves ({@link #serve}) or sends
 * to a remote MCP server ({@link #send}), as the OpenTelemetry semantic conventions for MCP describe them (semconv
 * 1.39, {@code docs/gen-ai/mcp.md}): spans named {@code {mcp.method.name} {target}} (the tool or prompt name), kind
 * SERVER or CLIENT; histograms {@code mcp.server.operation.duration} and {@code mcp.client.operation.duration} in
 * seconds, with the advised buckets ({@link McpAttributes#DURATION_BUCKETS}). Also registers the server's gauges
 * ({@link #observe}).
 * <p>
 * The OpenTelemetry instance is Liberty's ({@code mpTelemetry-2.1}, CDI), which server.xml loads only when the SDK is
 * enabled ({@code OTEL_SDK_DISABLED=false}), then exporting where the {@code OTEL_*} environment says (README, "Traces,
 * metrics and logs"); without that feature, the API's no-op (the API classes are then the EAR's {@code lib/} copy).
 */
@ApplicationScoped
public class McpTelemetry {

    /** The instrumentation scope of this server's spans and metrics. */
    public static final String SCOPE = "dev.delegatemcp.server";

    /** A span name's target part is cut to this many characters (a tool name sent by a client may be anything). */
    static final int MAX_TARGET_LENGTH = 64;

    private static final TextMapGetter<JsonObject> META = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(JsonObject meta) {
            return meta.keySet();
        }

        @Override
        public String get(JsonObject meta, String key) {
            return meta != null && meta.get(key) instanceof JsonString value ? value.getString() : null;
        }
    };

    private Tracer tracer;
    private Meter meter;
    /**
     * False when the instance is the API's no-op (Liberty's SDK disabled, its default): then operations are
     * {@link McpOperation#NONE}, which saves building what the no-op would drop (about 0.3 us per request, measured
     * with the no-op API in a loop).
     */
    private boolean recording;
    private DoubleHistogram serverDuration;
    private DoubleHistogram clientDuration;
    private LongCounter refused;

    /** For CDI's client proxy only. */
    protected McpTelemetry() {
    }

    /**
     * @param liberty Liberty's OpenTelemetry, a CDI bean of {@code mpTelemetry-2.1} (a no-op while its SDK is
     *        disabled); none when server.xml did not load that feature (telemetry off): then the API's no-op
     */
    @Inject
    public McpTelemetry(Instance<OpenTelemetry> liberty) {
        this(liberty.isUnsatisfied() ? OpenTelemetry.noop() : liberty.get());
    }

    /** @param openTelemetry the instance to record with (tests: the SDK's testing one) */
    public McpTelemetry(OpenTelemetry openTelemetry) {
        recording = openTelemetry.getTracerProvider() != TracerProvider.noop()
                || openTelemetry.getMeterProvider() != MeterProvider.noop();
        tracer = openTelemetry.getTracer(SCOPE);
        meter = openTelemetry.getMeter(SCOPE);
        serverDuration = meter.histogramBuilder("mcp.server.operation.duration").setUnit("s")
                .setDescription("Duration of the MCP requests this server served, by method, tool or prompt, and"
                        + " error type")
                .setExplicitBucketBoundariesAdvice(McpAttributes.DURATION_BUCKETS).build();
        clientDuration = meter.histogramBuilder("mcp.client.operation.duration").setUnit("s")
                .setDescription("Duration of the MCP requests this server sent to remote MCP servers")
                .setExplicitBucketBoundariesAdvice(McpAttributes.DURATION_BUCKETS).build();
        refused = meter.counterBuilder("delegatemcp.server.refused_requests").setUnit("{request}")
                .setDescription("Requests to the MCP endpoint refused with 401 before they were served (Liberty's"
                        + " HTTP metrics do not see them), by whether they presented a bearer token")
                .build();
    }

    /**
     * Counts a request refused with 401 by the server's authentication (no token, or one Liberty's MP-JWT refused),
     * which never reaches Liberty's HTTP instrumentation: attribute {@code delegatemcp.auth.token_presented}.
     */
    public void refused(boolean tokenPresented) {
        if (recording) {
            refused.add(1, tokenPresented ? TOKEN_PRESENTED : NO_TOKEN);
        }
    }

    private static final io.opentelemetry.api.common.AttributeKey<Boolean> PRESENTED =
            io.opentelemetry.api.common.AttributeKey.booleanKey("delegatemcp.auth.token_presented");
    private static final Attributes TOKEN_PRESENTED = Attributes.of(PRESENTED, true);
    private static final Attributes NO_TOKEN = Attributes.of(PRESENTED, false);

    /** Whether OpenTelemetry records (Liberty's SDK is on): else every operation here is a no-op. */
    public boolean isRecording() {
        return recording;
    }

    /** Telemetry that records nothing: for code made outside CDI (tests, tools). */
    public static McpTelemetry off() {
        return new McpTelemetry(OpenTelemetry.noop());
    }

    /**
     * Starts serving an MCP request: a SERVER span, current until {@link McpOperation#end()} (call it on this
     * thread). Its parent is the W3C trace context in the request's {@code params._meta} ({@code traceparent},
     * {@code tracestate}: MCP 2026-07-28, Basic, {@code _meta}) when it holds a valid one, the HTTP request's span
     * being then linked; else the current span (Liberty's HTTP server span, itself a child of the HTTP
     * {@code traceparent} header).
     *
     * @param method the JSON-RPC method ({@link McpAttributes#OTHER_METHOD} for one the server does not serve)
     * @param params the request's params, or null
     * @param id the request id, or null (cut to 64 characters)
     * @param protocolVersion the request's protocol revision, e.g. {@code 2025-11-25}; null when unknown
     */
    public McpOperation serve(String method, JsonObject params, JsonValue id, String protocolVersion) {
        return serve(method, params, id, protocolVersion, Optional.empty());
    }

    /**
     * {@link #serve(String, JsonObject, JsonValue, String)} for a request with the client's trace context (its
     * {@code _meta}'s or HTTP headers'): while the server does not record, that context is made current until the
     * operation ends, so that log lines written meanwhile carry its trace id ({@link LogTraceIds}).
     */
    public McpOperation serve(String method, JsonObject params, JsonValue id, String protocolVersion,
            Optional<TraceContext> client) {
        if (!recording) {
            return client.isEmpty() ? McpOperation.NONE
                    : new McpOperation(TraceContexts.current(client.get()).makeCurrent());
        }
        String target = null;
        boolean prompt = false;
        if (params != null && (McpMethods.TOOLS_CALL.equals(method) || McpMethods.PROMPTS_GET.equals(method))
                && params.get("name") instanceof JsonString name) {
            target = cut(name.getString());
            prompt = McpMethods.PROMPTS_GET.equals(method);
        }
        SpanBuilder span = tracer.spanBuilder(target == null ? method : method + " " + target)
                .setSpanKind(SpanKind.SERVER);
        Context current = Context.current();
        if (params != null && params.get("_meta") instanceof JsonObject meta && meta.containsKey("traceparent")) {
            Context fromMeta = W3CTraceContextPropagator.getInstance().extract(current, meta, META);
            SpanContext ambient = Span.fromContext(current).getSpanContext();
            if (fromMeta != current && ambient.isValid()) {
                span.addLink(ambient);
            }
            span.setParent(fromMeta);
        }
        AttributesBuilder metric = Attributes.builder().put(McpAttributes.METHOD, method)
                .put(McpAttributes.NETWORK_TRANSPORT, "tcp").put(McpAttributes.NETWORK_PROTOCOL, "http");
        if (protocolVersion != null) {
            metric.put(McpAttributes.PROTOCOL_VERSION, protocolVersion);
        }
        if (McpMethods.TOOLS_CALL.equals(method)) {
            metric.put(McpAttributes.OPERATION_NAME, "execute_tool");
        }
        span.setAllAttributes(metric.build());
        if (id != null && id != JsonValue.NULL) {
            span.setAttribute(McpAttributes.REQUEST_ID,
                    cut(id instanceof JsonString text ? text.getString() : id.toString()));
        }
        return new McpOperation(method, span, serverDuration, metric,
                target == null ? null : prompt ? McpAttributes.PROMPT_NAME : McpAttributes.TOOL_NAME, target);
    }

    /**
     * Starts sending an MCP request (or notification) to a remote MCP server: a CLIENT span, child of the current
     * one and current until {@link McpOperation#end()}; {@link McpOperation#traceContext} is then what to send in
     * the W3C headers.
     *
     * @param method the JSON-RPC method
     * @param server the remote server's MCP endpoint
     */
    public McpOperation send(String method, URI server) {
        if (!recording) {
            return McpOperation.NONE;
        }
        AttributesBuilder metric = Attributes.builder().put(McpAttributes.METHOD, method)
                .put(McpAttributes.NETWORK_TRANSPORT, "tcp").put(McpAttributes.NETWORK_PROTOCOL, "http");
        if (server.getHost() != null) {
            metric.put(McpAttributes.SERVER_ADDRESS, server.getHost().toLowerCase(Locale.ROOT));
            metric.put(McpAttributes.SERVER_PORT, (long) port(server));
        }
        SpanBuilder span = tracer.spanBuilder(method).setSpanKind(SpanKind.CLIENT).setAllAttributes(metric.build());
        return new McpOperation(method, span, clientDuration, metric, null, null);
    }

    /**
     * Registers a gauge of a count the server keeps (e.g. live sessions), read at each metric export.
     *
     * @param name the metric's name, e.g. {@code delegatemcp.server.active_sessions}
     * @param unit its unit in UCUM braces, e.g. {@code {session}}
     * @param description what it counts
     * @param count read on the exporter's thread: cheap, thread-safe
     * @return closes the registration: close it when the application stops (the SDK outlives it)
     */
    public AutoCloseable observe(String name, String unit, String description, LongSupplier count) {
        return meter.upDownCounterBuilder(name).setUnit(unit).setDescription(description)
                .buildWithCallback(measurement -> measurement.record(count.getAsLong()));
    }

    private static String cut(String target) {
        return target.length() <= MAX_TARGET_LENGTH ? target : target.substring(0, MAX_TARGET_LENGTH);
    }

    private static int port(URI server) {
        if (server.getPort() != -1) {
            return server.getPort();
        }
        return "https".equalsIgnoreCase(server.getScheme()) ? 443 : 80;
    }
}
