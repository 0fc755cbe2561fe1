package dev.delegatemcp.server.transport.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The answer to a POST that is given from a thread other than its HTTP request's ({@link RequestWorkers}): the servlet
 * request is made asynchronous (Jakarta Servlet 6.0, section 2.3.3.3, Asynchronous processing), its response taken
 * from the JAX-RS runtime ({@link UpgradableResponse#takeOver}), and the answer written through the servlet response.
 * <p>
 * Why not JAX-RS's own {@code @Suspended AsyncResponse}: it makes every request of the method asynchronous, also the
 * ones answered at once on their HTTP thread (most of them). Measured with {@code bench/peers/run} and JFR on Liberty
 * 26.0.0.5: RESTEasy's suspension looks up {@code java:comp/DefaultManagedScheduledExecutorService} in JNDI for every
 * request (8 % of the server's CPU under {@code tools/call echo} load), and the completion of an asynchronous request
 * runs on another of Liberty's threads, with CDI's request context started again there (11 %, writing the response
 * included). So the MCP
 * endpoint's method is synchronous, and only a request handed to a worker pays for asynchrony, here. Every entity of
 * the endpoint is a String (JSON or an SSE event), so writing it takes no JAX-RS provider.
 */
final class DetachedResponse {

    private static final Logger LOG = Logger.getLogger(DetachedResponse.class.getName());

    private final AsyncContext async;
    private final HttpServletResponse response;
    private final AtomicBoolean ended = new AtomicBoolean();

    DetachedResponse(AsyncContext async, HttpServletResponse response) {
        this.async = async;
        this.response = response;
    }

    /**
     * Detaches a POST from its HTTP request's thread; call on that thread, before its JAX-RS method returns.
     *
     * @param request the servlet request (it is made asynchronous, with no time limit: the request ends when its work
     *        does, {@link RequestWorkers})
     * @param response the POST's response as {@link EventStreamResponseFilter} wrapped it
     * @throws IllegalStateException when the servlet request cannot be made asynchronous (a filter or servlet of the
     *         chain does not support it)
     */
    static DetachedResponse detach(HttpServletRequest request, UpgradableResponse response) {
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        return new DetachedResponse(async, response.takeOver());
    }

    /**
     * Writes {@code answer} (its status, headers and String entity, UTF-8) and ends the servlet request. Only the first
     * call writes; later ones do nothing. Nothing is written on a response already committed (an event stream that
     * was written before the request failed), and the request is still ended. A client that went away ends the
     * request without an answer; nothing is thrown.
     *
     * @param answer the answer; null to end the request without writing (its response was written as an event stream,
     *        or the application is stopping); an entity other than a String is not written (never the case for the
     *        endpoint's answers): the request then ends with the status and headers only
     */
    void finish(Response answer) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            if (answer != null) {
                write(answer);
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        } catch (RuntimeException e) {
            // The request was ended already (the application stopping), or a defect: the request ends unanswered.
            LOG.log(Level.WARNING, "An MCP answer could not be written: {0}", e.getClass().getName());
        } finally {
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // completed already
            }
        }
    }

    private void write(Response answer) throws IOException {
        if (response.isCommitted()) {
            // The request streamed its answer (an event stream), then failed: a status and headers cannot follow.
            return;
        }
        response.setStatus(answer.getStatus());
        for (Map.Entry<String, List<String>> header : answer.getStringHeaders().entrySet()) {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(header.getKey())) {
                header.getValue().forEach(value -> response.addHeader(header.getKey(), value));
            }
        }
        MediaType type = answer.getMediaType();
        if (type != null) {
            // The body is UTF-8; JAX-RS names that charset for text types as RESTEasy does on the inline path
            // (text/event-stream;charset=UTF-8), and so does this.
            if ("text".equalsIgnoreCase(type.getType())
                    && !type.getParameters().containsKey(MediaType.CHARSET_PARAMETER)) {
                type = type.withCharset(StandardCharsets.UTF_8.name());
            }
            response.setContentType(type.toString());
        }
        if (answer.getEntity() instanceof String text) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
            out.flush();
        }
    }
}
