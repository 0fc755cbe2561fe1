package dev.delegatemcp.server.telemetry;

import java.util.Optional;
import java.util.function.Function;

import dev.delegatemcp.api.interaction.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context to pass on to the services a request calls: the current span's when OpenTelemetry records
 * the request, so that their spans are children of this server's; else the client's, as it sent it.
 */
public final class TraceContexts {

    private TraceContexts() {
    }

    /**
     * The current span's trace context when there is a valid one (OpenTelemetry on), else {@code client}.
     *
     * @param client what the client sent with the request (its {@code _meta} or HTTP headers), or empty
     */
    public static Optional<TraceContext> outgoing(Optional<TraceContext> client) {
        return of(Span.current().getSpanContext()).or(() -> client);
    }

    /**
     * Runs {@code action} (a log line) with the client's W3C trace context as the current span's, when the request has
     * a valid {@code traceparent} header and no span is current: for a request refused before Liberty's telemetry
     * traced it, so that its log line still carries the client's trace id ({@link LogTraceIds}).
     *
     * @param header the request's header of a name, or null
     */
    public static void inClientTrace(Function<String, String> header, Runnable action) {
        if (Span.current().getSpanContext().isValid()) {
            action.run();
            return;
        }
        Context client = W3CTraceContextPropagator.getInstance().extract(Context.root(), header, HEADERS);
        try (Scope scope = client.makeCurrent()) {
            action.run();
        }
    }

    /** The context whose current span is the client's ({@code traceparent}, {@code tracestate} as received). */
    static Context current(TraceContext client) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(),
                name -> TraceContext.TRACEPARENT.equals(name) ? client.traceparent()
                        : TraceContext.TRACESTATE.equals(name) ? client.tracestate() : null,
                HEADERS);
    }

    private static final TextMapGetter<Function<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> carrier) {
            return java.util.List.of(TraceContext.TRACEPARENT, TraceContext.TRACESTATE);
        }

        @Override
        public String get(Function<String, String> carrier, String key) {
            return carrier == null ? null : carrier.apply(key);
        }
    };

    /** {@code span} as W3C {@code traceparent} (version 00) and {@code tracestate}; empty when it is not valid. */
    static Optional<TraceContext> of(SpanContext span) {
        if (!span.isValid()) {
            return Optional.empty();
        }
        // Written by OpenTelemetry's own W3C propagator, as the instrumented clients write it.
        java.util.Map<String, String> headers = new java.util.HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(Span.wrap(span)), headers,
                (carrier, name, value) -> carrier.put(name, value));
        return TraceContext.of(headers.get(TraceContext.TRACEPARENT), headers.get(TraceContext.TRACESTATE));
    }
}
