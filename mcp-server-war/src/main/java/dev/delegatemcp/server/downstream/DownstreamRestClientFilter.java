package dev.delegatemcp.server.downstream;

import java.lang.reflect.Method;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.interaction.TraceContext;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Puts the caller's delegated credential on each request of a {@code @Downstream} MicroProfile Rest Client: the
 * credential {@link DownstreamRestClientCall} obtained for the call being made on this thread, in its header
 * ({@code Authorization: Bearer ...}, or the target's API-key header, and then no {@code Authorization} at all),
 * replacing any value already set. The trace context of the MCP request being served goes along when the request
 * carries none yet; with telemetry on, Liberty's Rest Client instrumentation, which runs after this filter, replaces it
 * with its own CLIENT span's.
 * <p>
 * Registered by {@link DownstreamRestClientListener} on the clients of interfaces that declare {@code @Downstream}
 * only, so that no other client ever carries a caller's credential; a method that declares no target (when only some
 * of the interface's methods do) is sent as it is. It refuses to send (an
 * {@link IllegalStateException}, which the client reports inside a {@code ProcessingException}) when no credential
 * was obtained for this call on this thread, or one for another target: the client was called outside an MCP request,
 * asynchronously, or from code the interceptor does not see.
 */
public class DownstreamRestClientFilter implements ClientRequestFilter {

    /** The property under which MicroProfile Rest Client gives filters the interface method invoked (spec 4.0, 7.3). */
    static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";

    private static final String AUTHORIZATION = "Authorization";

    /** What {@link DownstreamRestClientCall} obtained for the call in progress on this thread. */
    record Outgoing(DownstreamCredential credential, TraceContext trace) {
    }

    private static final ThreadLocal<Outgoing> CURRENT = new ThreadLocal<>();

    /** Makes {@code outgoing} the credential of this thread's calls; returns the one it replaces (usually none). */
    static Outgoing use(Outgoing outgoing) {
        Outgoing previous = CURRENT.get();
        CURRENT.set(outgoing);
        return previous;
    }

    /** Puts back what {@link #use} replaced. */
    static void restore(Outgoing previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** The interface of the client this filter is registered on. */
    private final Class<?> restClientInterface;

    public DownstreamRestClientFilter(Class<?> restClientInterface) {
        this.restClientInterface = restClientInterface;
    }

    @Override
    public void filter(ClientRequestContext request) {
        Object invoked = request.getProperty(INVOKED_METHOD);
        String target = invoked instanceof Method method
                ? DownstreamDeclarations.restClientTargetName(restClientInterface, method) : null;
        if (invoked instanceof Method && target == null) {
            return; // a method of the interface that declares no target of its own or its interface's: sent as is
        }
        Outgoing outgoing = CURRENT.get();
        if (outgoing == null || target != null && !target.equals(outgoing.credential().target())) {
            throw new IllegalStateException(refusal(invoked, target));
        }
        MultivaluedMap<String, Object> headers = request.getHeaders();
        if (outgoing.credential().type() == DownstreamCredential.Type.API_KEY) {
            headers.remove(AUTHORIZATION); // nothing else goes to the service as a credential, e.g. a propagated one
        }
        outgoing.credential().applyTo(headers::putSingle);
        if (outgoing.trace() != null && !headers.containsKey(TraceContext.TRACEPARENT)) {
            outgoing.trace().applyTo(headers::putSingle);
        }
    }

    private static String refusal(Object invoked, String target) {
        String what = invoked instanceof Method method
                ? method.getDeclaringClass().getSimpleName() + "." + method.getName() : "This REST client request";
        return what + " was not sent: it needs the MCP caller's delegated credential"
                + (target != null ? " for '" + target + "'" : "") + ", and none was obtained for it on this thread."
                + " Call a @Downstream REST client synchronously, from the thread serving an MCP request (a tool,"
                + " resource or prompt method).";
    }
}
