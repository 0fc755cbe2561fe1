package dev.delegatemcp.server.transport.http;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * A CDI request context of its own for a request served on a worker ({@link RequestWorkers}): request-scoped beans
 * used there (the caller, a tool's own beans) are made in it, as they would be on the HTTP thread, and destroyed when
 * the request ends (CDI 4.0, Activating a request context). Not the HTTP request's context carried over: Liberty's
 * context propagation refuses request-scoped beans first used on the other thread (CWWKC1158E), which a tool may well
 * do.
 */
@ApplicationScoped
public class WorkerRequestContext {

    /** Runs {@code request} in a new request context (in the current one if there is one already). */
    @ActivateRequestContext
    public Response run(Supplier<Response> request) {
        return request.get();
    }
}
