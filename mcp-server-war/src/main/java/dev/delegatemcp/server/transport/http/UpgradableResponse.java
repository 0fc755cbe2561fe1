package dev.delegatemcp.server.transport.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A POST's response that the MCP endpoint may turn into an event stream while its JAX-RS method runs. Once turned,
 * the stream belongs to the endpoint's {@link ServletEventConnection}: what the JAX-RS runtime does with the response
 * after the method returns (a status, headers, an empty body) is dropped, so the stream is neither disturbed nor
 * reported as "response already committed".
 */
final class UpgradableResponse extends HttpServletResponseWrapper {

    private volatile boolean eventStream;

    UpgradableResponse(HttpServletResponse response) {
        super(response);
    }

    /**
     * Commits the response as {@code 200 text/event-stream} and returns its body, for the endpoint's use only.
     *
     * @throws IOException when the client went away
     */
    ServletOutputStream upgrade() throws IOException {
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.setStatus(SC_OK);
        response.setContentType("text/event-stream;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        // MCP 2026-07-28, Streamable HTTP: "servers SHOULD include X-Accel-Buffering: no" (proxies such as nginx
        // then pass each event on at once).
        response.setHeader("X-Accel-Buffering", "no");
        ServletOutputStream out = response.getOutputStream();
        eventStream = true;
        out.flush();
        return out;
    }

    @Override
    public void setStatus(int sc) {
        if (!eventStream) {
            super.setStatus(sc);
        }
    }

    @Override
    public void sendError(int sc) throws IOException {
        if (!eventStream) {
            super.sendError(sc);
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (!eventStream) {
            super.sendError(sc, msg);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!eventStream) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!eventStream) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!eventStream) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!eventStream) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void setDateHeader(String name, long date) {
        if (!eventStream) {
            super.setDateHeader(name, date);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (!eventStream) {
            super.addDateHeader(name, date);
        }
    }

    @Override
    public void setContentType(String type) {
        if (!eventStream) {
            super.setContentType(type);
        }
    }

    @Override
    public void setContentLength(int len) {
        if (!eventStream) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!eventStream) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void setCharacterEncoding(String charset) {
        if (!eventStream) {
            super.setCharacterEncoding(charset);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!eventStream) {
            super.flushBuffer();
        }
    }

    @Override
    public void reset() {
        if (!eventStream) {
            super.reset();
        }
    }

    @Override
    public void resetBuffer() {
        if (!eventStream) {
            super.resetBuffer();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return eventStream ? DISCARD : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return eventStream ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
    }

    /** What the JAX-RS runtime writes after the stream took over: nothing reaches the client. */
    private static final ServletOutputStream DISCARD = new ServletOutputStream() {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            try {
                listener.onWritePossible();
            } catch (IOException e) {
                listener.onError(e);
            }
        }

        @Override
        public void write(int b) {
            // discarded
        }
    };
}
