package dev.delegatemcp.server.transport.http;

import java.io.IOException;
import java.io.OutputStream;

import dev.delegatemcp.server.protocol.stream.SseEvent;
import dev.delegatemcp.server.protocol.stream.StreamConnection;

/**
 * A POST's HTTP response turned into an event stream while its request runs (MCP 2025-11-25, Streamable HTTP: "the
 * server MUST either return Content-Type: text/event-stream ... or application/json"). Written through the servlet
 * response itself: the choice between one JSON answer and a stream is made only when the request first sends something
 * before its result, after the JAX-RS method has started, which JAX-RS's own SSE support (chosen by the resource
 * method's {@code @Produces}) cannot do. Writes are synchronous and flushed, so an event leaves before the call goes on.
 */
final class ServletEventConnection implements StreamConnection {

    private final OutputStream out;
    private volatile boolean closed;

    private ServletEventConnection(OutputStream out) {
        this.out = out;
    }

    /**
     * Commits the response as {@code 200 text/event-stream}; a connection that failed to open writes nothing.
     *
     * @param response the POST's {@link EventStreamResponseFilter#ATTRIBUTE} request attribute: its response as the
     *        filter wrapped it
     */
    static StreamConnection open(Object response) {
        try {
            if (!(response instanceof UpgradableResponse upgradable)) {
                throw new IllegalStateException("the MCP endpoint's POST response is not wrapped for event streams: "
                        + "is EventStreamResponseFilter mapped in web.xml?");
            }
            return new ServletEventConnection(upgradable.upgrade());
        } catch (IOException e) {
            ServletEventConnection gone = new ServletEventConnection(OutputStream.nullOutputStream());
            gone.closed = true;
            return gone;
        }
    }

    @Override
    public synchronized boolean write(SseEvent event) {
        if (closed) {
            return false;
        }
        try {
            out.write(event.bytes());
            out.flush();
            return true;
        } catch (IOException e) {
            closed = true;
            return false;
        }
    }

    /** Not synchronized with {@link #write}: closing from another thread is what ends a write blocked on the client. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                // the client went away: nothing to end
            }
        }
    }
}
