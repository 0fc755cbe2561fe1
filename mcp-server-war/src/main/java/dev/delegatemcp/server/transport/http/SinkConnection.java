package dev.delegatemcp.server.transport.http;

import java.util.concurrent.CompletableFuture;

import dev.delegatemcp.server.protocol.stream.SseEvent;
import dev.delegatemcp.server.protocol.stream.StreamConnection;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** A GET stream (MCP 2025-11-25, Streamable HTTP, Listening for messages from the server) on JAX-RS's SSE sink. */
final class SinkConnection implements StreamConnection {

    private final SseEventSink sink;
    private final Sse sse;
    private volatile boolean failed;

    SinkConnection(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public synchronized boolean write(SseEvent event) {
        if (failed || sink.isClosed()) {
            return false;
        }
        OutboundSseEvent.Builder builder = sse.newEventBuilder().data(event.data());
        if (event.id() != null) {
            builder.id(event.id());
        }
        if (event.retryMillis() != null) {
            builder.reconnectDelay(event.retryMillis());
        }
        if (!event.data().isEmpty()) {
            builder.name("message");
        }
        try {
            CompletableFuture<?> sent = sink.send(builder.build()).toCompletableFuture();
            sent.whenComplete((ignored, error) -> {
                if (error != null) {
                    failed = true;
                }
            });
            return !sent.isCompletedExceptionally();
        } catch (IllegalStateException e) {
            failed = true;
            return false;
        }
    }

    @Override
    public synchronized void close() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // already closed by the client
        }
    }
}
