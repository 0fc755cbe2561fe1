package dev.delegatemcp.server.security;

import java.security.Principal;
import java.util.function.Supplier;

import dev.delegatemcp.api.McpCaller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The inbound access token of the request being served, as Liberty's MP-JWT validated it: the servlet request's
 * caller principal, which MP-JWT makes the {@link JsonWebToken} (MicroProfile JWT 2.1, "Mapping MP-JWT Tokens to
 * Jakarta EE Container APIs").
 * <p>
 * Read from the request rather than injected as the CDI {@code JsonWebToken} bean on purpose: Liberty creates that
 * request-scoped bean anew for every request, with Java EE resource injection that takes a server-wide lock
 * ({@code OSGiReferenceContextImpl}). Measured with {@code bench/peers/run} and JFR: 12,685 waits of 10 ms or more on
 * that lock in 30 s of tools/call load, with the server at about a third of the platform's own JAX-RS + MP-JWT
 * throughput; calls of tools that waited on a downstream in the same server stalled for seconds.
 * <p>
 * Dependent, not application-scoped: its state is the thread-local below, so each injection point may hold its own
 * instance and call it directly; through a client proxy, every call from inside an interceptor (each
 * {@code @Downstream} tool call asks for the token) also pushed and popped Weld's interception stack (JFR).
 */
@Dependent
public class InboundToken {

    /** The token of the request that {@link #actingFor} runs on this thread, and the caller read from it. */
    private static final ThreadLocal<Acting> HANDED_OVER = new ThreadLocal<>();

    private record Acting(JsonWebToken token, McpCaller caller) {
    }

    @Inject
    HttpServletRequest request;

    /**
     * The validated token of the current request.
     *
     * @throws IllegalStateException outside an authenticated HTTP request (no token, or one without a subject)
     * @throws jakarta.enterprise.context.ContextNotActiveException when no request context is active
     */
    public JsonWebToken current() {
        Acting handedOver = HANDED_OVER.get();
        if (handedOver != null) {
            return handedOver.token();
        }
        return of(request);
    }

    /**
     * The validated token of this HTTP request, read from its principal (for the endpoint, which has the request at
     * hand: reading it through the injected proxy costs a reflective call per request).
     *
     * @throws IllegalStateException when the request has no token, or one without a subject
     */
    public static JsonWebToken of(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt;
        }
        throw new IllegalStateException("No authenticated MCP caller in this request");
    }

    /**
     * Runs part of a request with its token at hand: while it runs, {@link #current} on this thread answers
     * {@code token}, read once by the caller on the request's own thread. For a thread that is not the HTTP request's
     * (where the servlet request is not to be used), and on the request's own thread to spare reading the servlet
     * request's principal again.
     */
    public <T> T actingFor(JsonWebToken token, Supplier<T> work) {
        return actingFor(token, null, work);
    }

    /**
     * As {@link #actingFor(JsonWebToken, Supplier)}, with the caller read from {@code token} handed over too
     * ({@link #handedOverCaller}), so that code on the way needs not read it again.
     */
    public <T> T actingFor(JsonWebToken token, McpCaller caller, Supplier<T> work) {
        Acting before = HANDED_OVER.get();
        HANDED_OVER.set(new Acting(token, caller));
        try {
            return work.get();
        } finally {
            if (before == null) {
                HANDED_OVER.remove();
            } else {
                HANDED_OVER.set(before);
            }
        }
    }

    /** The caller handed over with the token by {@link #actingFor} on this thread; null when none was. */
    public McpCaller handedOverCaller() {
        Acting handedOver = HANDED_OVER.get();
        return handedOver == null ? null : handedOver.caller();
    }

}
