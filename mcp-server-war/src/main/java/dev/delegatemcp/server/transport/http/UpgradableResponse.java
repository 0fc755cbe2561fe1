package dev.delegatemcp.server.transport.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A POST's response that the MCP endpoint may take from the JAX-RS runtime while its JAX-RS method runs: to turn it
 * into an event stream ({@link #upgrade}, written by {@link ServletEventConnection}), or to answer the request from
 * another thread ({@link #takeOver}, written by {@link DetachedResponse}). Once taken, what the JAX-RS runtime does
 * with the response after the method returns (a status, headers, an empty body) is dropped, so the answer is neither
 * disturbed nor reported as "response already committed".
 */
final class UpgradableResponse extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private volatile boolean taken;

    /** @param request the request this responds to, as the servlet filter chain has it */
    UpgradableResponse(HttpServletRequest request, HttpServletResponse response) {
        super(response);
        this.request = request;
    }

    /**
     * The request this responds to, as the servlet filter chain has it: the container's own object, for the endpoint
     * to read headers and the principal from directly, on the request's own thread and before its JAX-RS method
     * returns only (the container reuses its request objects once a request ends). JAX-RS hands resource methods a proxy of it instead, made for
     * each request (measured in bench/peers, JFR: 1.6 % of CPU), and CDI's injected one resolves it by reflection on
     * every call (2.3 %).
     */
    HttpServletRequest request() {
        return request;
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
        taken = true;
        out.flush();
        return out;
    }

    /**
     * Takes the response from the JAX-RS runtime, for the endpoint to write it from another thread: from now on the
     * runtime's calls on this wrapper are dropped.
     *
     * @return the response this wraps, for the endpoint's use only
     */
    HttpServletResponse takeOver() {
        taken = true;
        return (HttpServletResponse) getResponse();
    }

    @Override
    public void setStatus(int sc) {
        if (!taken) {
            super.setStatus(sc);
        }
    }

    @Override
    public void sendError(int sc) throws IOException {
        if (!taken) {
            super.sendError(sc);
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (!taken) {
            super.sendError(sc, msg);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!taken) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!taken) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!taken) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!taken) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void setDateHeader(String name, long date) {
        if (!taken) {
            super.setDateHeader(name, date);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (!taken) {
            super.addDateHeader(name, date);
        }
    }

    @Override
    public void setContentType(String type) {
        if (!taken) {
            super.setContentType(type);
        }
    }

    @Override
    public void setContentLength(int len) {
        if (!taken) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!taken) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void setCharacterEncoding(String charset) {
        if (!taken) {
            super.setCharacterEncoding(charset);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!taken) {
            super.flushBuffer();
        }
    }

    @Override
    public void reset() {
        if (!taken) {
            super.reset();
        }
    }

    @Override
    public void resetBuffer() {
        if (!taken) {
            super.resetBuffer();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return taken ? DISCARD : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return taken ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
    }

    /** What the JAX-RS runtime writes after the endpoint took the response: nothing reaches the client. */
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
