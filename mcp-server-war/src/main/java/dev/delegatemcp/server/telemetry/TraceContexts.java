package dev.delegatemcp.server.telemetry;

import java.util.Optional;

import dev.delegatemcp.api.interaction.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

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

    /** {@code span} as W3C {@code traceparent} (version 00) and {@code tracestate}; empty when it is not valid. */
    static Optional<TraceContext> of(SpanContext span) {
        if (!span.isValid()) {
            return Optional.empty();
        }
        String traceparent = "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
        StringBuilder state = new StringBuilder();
        span.getTraceState().forEach((key, value) -> {
            if (state.length() > 0) {
                state.append(',');
            }
            state.append(key).append('=').append(value);
        });
        return TraceContext.of(traceparent, state.length() == 0 ? null : state.toString());
    }
}
