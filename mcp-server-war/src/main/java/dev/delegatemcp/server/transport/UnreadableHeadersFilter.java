package dev.delegatemcp.server.transport;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses, before JAX-RS matches the request to the endpoint, a request whose {@code Accept} or
 * {@code Content-Type} header JAX-RS cannot parse ({@code Accept: application/json; q=abc}): 400 with a JSON-RPC
 * error body. Without it, Liberty's JAX-RS fails while matching, answers 400 with its own text and logs the failure
 * with a stack trace at level E, once per such request. The headers are parsed here as JAX-RS would parse them
 * later (it keeps the result), so a header that passes here passes there.
 */
@Provider
@PreMatching
public class UnreadableHeadersFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            request.getAcceptableMediaTypes();
            request.getMediaType();
        } catch (RuntimeException e) {
            request.abortWith(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                    .entity(RejectedRequestMapper.body(400)).build());
        }
    }
}
