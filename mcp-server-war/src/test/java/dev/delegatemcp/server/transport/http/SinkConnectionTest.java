package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.delegatemcp.server.protocol.stream.SseEvent;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;

import org.jboss.resteasy.plugins.providers.sse.SseImpl;
import org.junit.jupiter.api.Test;

class SinkConnectionTest {

    /** A sink that keeps what it is sent; each send completes with {@code next}. */
    private static final class Sink implements SseEventSink {
        final List<OutboundSseEvent> sent = new ArrayList<>();
        CompletableFuture<Void> next = CompletableFuture.completedFuture(null);
        boolean closed;
        RuntimeException onSend;
        RuntimeException onClose;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            if (onSend != null) {
                throw onSend;
            }
            sent.add(event);
            return next;
        }

        @Override
        public void close() {
            closed = true;
            if (onClose != null) {
                throw onClose;
            }
        }
    }

    private final Sink sink = new Sink();
    private final SinkConnection connection = new SinkConnection(sink, new SseImpl());

    @Test
    void theEventGoesOutWithItsIdRetryMessageNameAndData() {
        assertTrue(connection.write(new SseEvent("s_2", "{\"a\":1}", null)));
        OutboundSseEvent event = sink.sent.get(0);
        assertEquals("s_2", event.getId());
        assertEquals("message", event.getName());
        assertEquals("{\"a\":1}", event.getData());
        assertFalse(event.isReconnectDelaySet());
    }

    @Test
    void thePrimingEventHasAnIdARetryAndEmptyDataWithoutAName() {
        assertTrue(connection.write(new SseEvent("s_1", "", 1500L)));
        OutboundSseEvent event = sink.sent.get(0);
        assertEquals("s_1", event.getId());
        assertEquals(1500, event.getReconnectDelay());
        assertEquals("", event.getData());
        assertNull(event.getName());
    }

    @Test
    void aClosedSinkIsNotWritten() {
        sink.closed = true;
        assertFalse(connection.write(new SseEvent("s_1", "{}", null)));
        assertTrue(sink.sent.isEmpty());
    }

    @Test
    void aSendThatFailsAtOnceOrLaterMarksTheConnectionGone() {
        sink.next = CompletableFuture.failedFuture(new java.io.IOException("reset"));
        assertFalse(connection.write(new SseEvent("s_1", "{}", null)));
        sink.next = CompletableFuture.completedFuture(null);
        assertFalse(connection.write(new SseEvent("s_2", "{}", null)), "gone for good");

        Sink slow = new Sink();
        slow.next = new CompletableFuture<>();
        SinkConnection later = new SinkConnection(slow, new SseImpl());
        CompletableFuture<Void> pending = slow.next;
        assertTrue(later.write(new SseEvent("s_1", "{}", null)), "not known yet");
        pending.completeExceptionally(new java.io.IOException("reset"));
        assertFalse(later.write(new SseEvent("s_2", "{}", null)));
    }

    @Test
    void aSinkThatRefusesTheEventMarksTheConnectionGone() {
        sink.onSend = new IllegalStateException("closed");
        assertFalse(connection.write(new SseEvent("s_1", "{}", null)));
        sink.onSend = null;
        assertFalse(connection.write(new SseEvent("s_2", "{}", null)));
    }

    @Test
    void closingASinkTheClientClosedAlreadyIsQuiet() {
        sink.onClose = new IllegalStateException("already closed");
        connection.close();
        assertTrue(sink.closed);
    }
}
