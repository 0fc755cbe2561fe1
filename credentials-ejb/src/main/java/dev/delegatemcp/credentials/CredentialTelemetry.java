package dev.delegatemcp.credentials;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamAudit;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * OpenTelemetry for credential requests, in the style of the semantic conventions (names under
 * {@code delegatemcp.}, durations in seconds, {@code error.type} for failures):
 * <ul>
 * <li>a span {@code credential {target}} (INTERNAL) per request ({@link #request}), current while it runs, so that
 * the STS or vault call made for it (a CLIENT span of Liberty's MicroProfile Rest Client instrumentation) is its
 * child;</li>
 * <li>{@code delegatemcp.credential.request.duration}: every request, by target, source ({@code token_exchange},
 * {@code vault}), level, outcome ({@code granted}, {@code denied}, {@code not_connected}, {@code error}) and cache
 * hit; its count is the number of requests;</li>
 * <li>{@code delegatemcp.sts.request.duration} and {@code delegatemcp.vault.request.duration}: each call to the STS
 * or vault (with its retries), by target, with {@code error.type} when it failed ({@link #call});</li>
 * <li>{@code delegatemcp.credential.cache.size}: the credentials cached ({@link #observeCache}).</li>
 * </ul>
 * No attribute holds a user, a tenant, a token or a scope list. The OpenTelemetry instance is Liberty's
 * ({@code mpTelemetry-2.1}, which server.xml loads only when {@code OTEL_SDK_DISABLED=false}), else the API's no-op.
 */
@ApplicationScoped
public class CredentialTelemetry {

    /** The instrumentation scope of these spans and metrics. */
    public static final String SCOPE = "dev.delegatemcp.credentials";

    static final AttributeKey<String> TARGET = AttributeKey.stringKey("delegatemcp.downstream.target");
    static final AttributeKey<String> SOURCE = AttributeKey.stringKey("delegatemcp.credential.source");
    static final AttributeKey<String> LEVEL = AttributeKey.stringKey("delegatemcp.credential.level");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("delegatemcp.credential.outcome");
    static final AttributeKey<Boolean> CACHE_HIT = AttributeKey.booleanKey("delegatemcp.credential.cache_hit");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private Tracer tracer;
    private Meter meter;
    /** False for the API's no-op (Liberty's SDK disabled): requests then record nothing and build nothing. */
    private boolean recording;
    private Request none;
    private DoubleHistogram requests;
    private DoubleHistogram stsCalls;
    private DoubleHistogram vaultCalls;

    /** For CDI's client proxy only. */
    protected CredentialTelemetry() {
    }

    /**
     * @param liberty Liberty's OpenTelemetry, a CDI bean of {@code mpTelemetry-2.1} (a no-op while its SDK is
     *        disabled); none when server.xml did not load that feature (telemetry off): then the API's no-op
     */
    @Inject
    public CredentialTelemetry(Instance<OpenTelemetry> liberty) {
        this(liberty.isUnsatisfied() ? OpenTelemetry.noop() : liberty.get());
    }

    /** @param openTelemetry the instance to record with (tests: the SDK's testing one) */
    public CredentialTelemetry(OpenTelemetry openTelemetry) {
        recording = openTelemetry.getTracerProvider() != TracerProvider.noop()
                || openTelemetry.getMeterProvider() != MeterProvider.noop();
        none = new Request(null, null, null, null, null);
        tracer = openTelemetry.getTracer(SCOPE);
        meter = openTelemetry.getMeter(SCOPE);
        requests = meter.histogramBuilder("delegatemcp.credential.request.duration").setUnit("s")
                .setDescription("Downstream credential requests, by target, source, level, outcome and cache hit")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
        stsCalls = meter.histogramBuilder("delegatemcp.sts.request.duration").setUnit("s")
                .setDescription("Token exchanges at the STS (RFC 8693), with their retries, by target")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
        vaultCalls = meter.histogramBuilder("delegatemcp.vault.request.duration").setUnit("s")
                .setDescription("Stored-token fetches at the token vault, with their retries, by target")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
    }

    /**
     * This instance itself, not its client proxy: the credential service starts a request on every credential use,
     * and each call through the proxy looked the instance up again (JFR). Safe to keep: the bean lives as long as
     * the application.
     */
    public Supplier<CredentialTelemetry> instance() {
        return () -> this;
    }

    /** Whether OpenTelemetry records (Liberty's SDK is on): else every span and measurement here is a no-op. */
    public boolean isRecording() {
        return recording;
    }

    /**
     * Bucket boundaries in seconds for these durations: those the HTTP semantic conventions advise for request
     * durations (the SDK's default boundaries, 0 to 10000, suit milliseconds).
     */
    static final java.util.List<Double> DURATION_BUCKETS =
            java.util.List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

    /** Telemetry that records nothing (tests). */
    public static CredentialTelemetry off() {
        return new CredentialTelemetry(OpenTelemetry.noop());
    }

    /**
     * Starts a credential request: its span is current on this thread until {@link Request#end}.
     *
     * @param target the logical target name (configured: bounded)
     */
    public Request request(String target, DownstreamTarget.Source source, Downstream.Level level) {
        if (!recording) {
            return none;
        }
        Span span = tracer.spanBuilder(spanNames.computeIfAbsent(target, name -> "credential " + name))
                .setSpanKind(SpanKind.INTERNAL).startSpan();
        return new Request(span, span.makeCurrent(), target, source, level);
    }

    /**
     * The attributes of a request that ended so, made once per combination: building and sorting them for every
     * request (most are cache hits, most not sampled) was a measurable part of what observing costs. The
     * combinations are few (configured targets, fixed outcomes and reasons); past {@value #MAX_CACHED_ATTRIBUTES}
     * they are built each time.
     */
    private Attributes attributes(Outcome key) {
        Attributes cached = attributeSets.get(key);
        if (cached != null) {
            return cached;
        }
        AttributesBuilder attributes = Attributes.builder().put(TARGET, key.target())
                .put(SOURCE, sourceName(key.source())).put(LEVEL, key.level().name().toLowerCase(Locale.ROOT))
                .put(OUTCOME, key.outcome().name().toLowerCase(Locale.ROOT)).put(CACHE_HIT, key.cacheHit());
        if (key.errorType() != null) {
            attributes.put(ERROR_TYPE, key.errorType());
        }
        Attributes built = attributes.build();
        if (attributeSets.size() < MAX_CACHED_ATTRIBUTES) {
            attributeSets.putIfAbsent(key, built);
        }
        return built;
    }

    static final int MAX_CACHED_ATTRIBUTES = 1024;

    /** How a request to a target ended: the key of its attributes. */
    private record Outcome(String target, DownstreamTarget.Source source, Downstream.Level level,
            DownstreamAudit.Outcome outcome, boolean cacheHit, String errorType) {
    }

    private final Map<Outcome, Attributes> attributeSets = new ConcurrentHashMap<>();
    private final Map<String, String> spanNames = new ConcurrentHashMap<>();

    /**
     * Calls the STS or the vault for {@code target}, measuring it; {@code error.type} is the
     * {@link CredentialException.Reason} (lower case) or the exception's class name.
     */
    public <T> T call(DownstreamTarget.Source source, String target, Supplier<T> call) {
        if (!recording) {
            return call.get();
        }
        DoubleHistogram histogram = source == DownstreamTarget.Source.TOKEN_EXCHANGE ? stsCalls : vaultCalls;
        long start = System.nanoTime();
        String error = null;
        try {
            return call.get();
        } catch (CredentialException e) {
            error = e.reason().name().toLowerCase(Locale.ROOT);
            throw e;
        } catch (RuntimeException e) {
            error = e.getClass().getName();
            throw e;
        } finally {
            AttributesBuilder attributes = Attributes.builder().put(TARGET, target);
            if (error != null) {
                attributes.put(ERROR_TYPE, error);
            }
            histogram.record((System.nanoTime() - start) / 1e9, attributes.build());
        }
    }

    /**
     * Registers the gauge of cached credentials.
     *
     * @return closes the registration, when the application stops (the SDK outlives it)
     */
    public AutoCloseable observeCache(LongSupplier size) {
        return meter.upDownCounterBuilder("delegatemcp.credential.cache.size").setUnit("{credential}")
                .setDescription("Downstream credentials cached")
                .buildWithCallback(measurement -> measurement.record(size.getAsLong()));
    }

    private static String sourceName(DownstreamTarget.Source source) {
        return source == DownstreamTarget.Source.TOKEN_EXCHANGE ? "token_exchange" : "vault";
    }

    /** One credential request's span and measurement; for the thread that started it. */
    public final class Request {
        private final Span span;
        private final Scope scope;
        private final String target;
        private final DownstreamTarget.Source source;
        private final Downstream.Level level;
        private final long start = System.nanoTime();
        private boolean ended;

        private Request(Span span, Scope scope, String target, DownstreamTarget.Source source,
                Downstream.Level level) {
            this.span = span;
            this.scope = scope;
            this.target = target;
            this.source = source;
            this.level = level;
        }

        /** The W3C trace id of the request's trace, or null when OpenTelemetry does not record it. */
        public String traceId() {
            return span != null && span.getSpanContext().isValid() ? span.getSpanContext().getTraceId() : null;
        }

        /**
         * Ends it: records its duration and ends its span (status ERROR unless granted), and makes the previous
         * context current again. Idempotent; on the thread that started it.
         *
         * @param errorType {@code error.type} when it was not granted (low cardinality), else null
         */
        public void end(DownstreamAudit.Outcome outcome, boolean cacheHit, String errorType) {
            if (span == null || ended) {
                return; // not recording, or ended already
            }
            ended = true;
            Attributes all = attributes(new Outcome(target, source, level, outcome, cacheHit, errorType));
            if (span.isRecording()) {
                span.setAllAttributes(all);
                if (outcome != DownstreamAudit.Outcome.GRANTED) {
                    span.setStatus(StatusCode.ERROR);
                }
            }
            scope.close();
            span.end();
            requests.record((System.nanoTime() - start) / 1e9, all);
        }
    }
}
