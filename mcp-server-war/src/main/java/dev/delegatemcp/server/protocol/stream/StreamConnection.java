package dev.delegatemcp.server.protocol.stream;

/**
 * The HTTP response an {@link EventStream} is written to right now, provided by the transport: a POST response that
 * became an event stream, or a GET stream. A stream outlives its connections: the client may reconnect with
 * {@code Last-Event-ID} (MCP 2025-11-25, Streamable HTTP, Resumability and redelivery).
 */
public interface StreamConnection {

    /**
     * Writes and flushes one event.
     *
     * @return false when the connection is gone (the client left); the stream then keeps the event for replay
     */
    boolean write(SseEvent event);

    /** Ends the HTTP response; writing afterwards does nothing. */
    void close();
}
