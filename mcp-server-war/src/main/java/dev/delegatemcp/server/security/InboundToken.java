package dev.delegatemcp.server.security;

import java.security.Principal;

import jakarta.enterprise.context.ApplicationScoped;
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
 */
@ApplicationScoped
public class InboundToken {

    @Inject
    HttpServletRequest request;

    /**
     * The validated token of the current request.
     *
     * @throws IllegalStateException outside an authenticated HTTP request (no token, or one without a subject)
     * @throws jakarta.enterprise.context.ContextNotActiveException when no request context is active
     */
    public JsonWebToken current() {
        Principal principal = request.getUserPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt;
        }
        throw new IllegalStateException("No authenticated MCP caller in this request");
    }
}
