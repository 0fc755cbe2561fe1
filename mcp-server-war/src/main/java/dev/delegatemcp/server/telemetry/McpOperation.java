package dev.delegatemcp.server.telemetry;

import java.util.Optional;

import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.CallToolResult;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One MCP operation being served or sent ({@link McpTelemetry#serve}, {@link McpTelemetry#send}): its span, current
 * on the starting thread until {@link #end()}, and its duration, recorded at the end in seconds with the operation's
 * low-cardinality attributes. Say how it ended with {@link #result}, {@link #failed(int, String)} or
 * {@link #failed(Throwable)} before {@link #end()}; for the thread that started it only.
 * <p>
 * A tool or prompt name goes on the duration measurement only when the operation did not end in a JSON-RPC error: a
 * name the server refused ({@code Unknown tool}) may be anything a client sent, and each would be a new series. The
 * span keeps it (cut to 64 characters).
 */
public final class McpOperation {

    /** The operation of a server that does not record (the API's no-op): every method does nothing. */
    static final McpOperation NONE = new McpOperation(null);

    private final Span span;
    private final Scope scope;
    private final long start = System.nanoTime();
    private final DoubleHistogram duration;
    private final AttributesBuilder attributes;
    private final AttributeKey<String> targetKey;
    private final String target;
    private final String method;
    private boolean protocolError;
    private boolean ended;

    /**
     * An operation that does not record, with the client's trace context current until {@link #end()} (so that log
     * lines carry its ids), or none.
     */
    McpOperation(Scope clientTrace) {
        span = null;
        scope = clientTrace;
        duration = null;
        attributes = null;
        targetKey = null;
        target = null;
        method = null;
    }

    McpOperation(String method, SpanBuilder span, DoubleHistogram duration, AttributesBuilder attributes,
            AttributeKey<String> targetKey, String target) {
        this.method = method;
        if (targetKey != null) {
            span.setAttribute(targetKey, target);
        }
        this.span = span.startSpan();
        this.scope = this.span.makeCurrent();
        this.duration = duration;
        this.attributes = attributes;
        this.targetKey = targetKey;
        this.target = target;
    }

    /**
     * The operation's result: a {@link CallToolResult} (or its JSON) with {@code isError: true} is a tool error
     * ({@code error.type=tool_error}, span status ERROR without a description: the text is the tool's).
     */
    public void result(Object result) {
        if (span == null) {
            return;
        }
        if (result instanceof CallToolResult tool && tool.isError()
                || result instanceof JsonObject json && json.get("isError") == JsonValue.TRUE) {
            error(McpAttributes.TOOL_ERROR);
        }
    }

    /** It ended in the JSON-RPC error {@code exception} (answered to the client). */
    public void failed(JsonRpcException exception) {
        failed(exception.code(), exception.getMessage());
    }

    /**
     * It ended in a JSON-RPC error: {@code error.type} and {@code rpc.response.status_code} the code as a string,
     * span status ERROR without a description (the message may repeat what the client sent: a resource URI, a tool
     * name), and the span named by its method alone.
     *
     * @param message the error's message: not recorded
     */
    public void failed(int code, String message) {
        if (span == null) {
            return;
        }
        protocolError = true;
        String type = Integer.toString(code);
        error(type);
        attributes.put(McpAttributes.RPC_STATUS_CODE, type);
        span.setAttribute(McpAttributes.RPC_STATUS_CODE, type);
        if (targetKey != null) {
            span.updateName(method); // the name the server refused may be anything a client sent
        }
    }

    /** The protocol revision, once known (initialize settles it): {@code mcp.protocol.version}. */
    public void protocolVersion(String version) {
        if (span == null || version == null) {
            return;
        }
        attributes.put(McpAttributes.PROTOCOL_VERSION, version);
        span.setAttribute(McpAttributes.PROTOCOL_VERSION, version);
    }

    /**
     * It got an HTTP answer other than 2xx without a JSON-RPC error: {@code error.type} the status code as a string
     * (as the HTTP conventions say), span status ERROR.
     */
    public void failedWithStatus(int httpStatus) {
        if (span == null) {
            return;
        }
        error(Integer.toString(httpStatus));
    }

    /**
     * It ended in an exception: {@code error.type} its class name; span status ERROR without a description (an
     * exception's message may hold request data).
     */
    public void failed(Throwable exception) {
        if (span == null) {
            return;
        }
        error(exception.getClass().getName());
    }

    /** {@code error.type} on the span and the measurement, and span status ERROR without a description. */
    private void error(String type) {
        attributes.put(McpAttributes.ERROR_TYPE, type);
        span.setAttribute(McpAttributes.ERROR_TYPE, type);
        span.setStatus(StatusCode.ERROR);
    }

    /**
     * The trace context to send with this operation's HTTP request: this span's when it is recorded (OpenTelemetry
     * on), else {@code otherwise} (what the client sent, passed on as received).
     */
    public Optional<TraceContext> traceContext(Optional<TraceContext> otherwise) {
        if (span == null) {
            return otherwise;
        }
        return TraceContexts.of(span.getSpanContext()).or(() -> otherwise);
    }

    /** Ends the span, makes the previous context current again and records the duration. Idempotent. */
    public void end() {
        if (ended) {
            return;
        }
        if (span == null) {
            if (scope != null) {
                ended = true;
                scope.close();
            }
            return;
        }
        ended = true;
        double seconds = (System.nanoTime() - start) / 1e9;
        scope.close();
        span.end();
        if (targetKey != null && !protocolError) {
            attributes.put(targetKey, target);
        }
        duration.record(seconds, attributes.build());
    }
}
