package dev.delegatemcp.server.downstream;

import java.util.function.Supplier;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.interaction.TraceContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * One call of a {@code @Downstream} MicroProfile Rest Client method, around the client's own work: obtains the
 * caller's credential for the interface's (or method's) target, hands it to {@link DownstreamRestClientFilter} for the
 * requests the call sends, and when the downstream answers 401 (RFC 9110, 15.5.2):
 * <ul>
 * <li>for an idempotent method (GET, HEAD, OPTIONS, TRACE, PUT, DELETE; RFC 9110, 9.2.2): obtains a fresh credential
 * once, bypassing the cache, and sends the request once more; a second 401 ends the call with a
 * {@link ToolCallException} the user can act on;</li>
 * <li>for any other method (POST, PATCH): sends nothing again and asks for nothing new (repeating could do the work
 * twice), drops the rejected credential from the cache so that the next call obtains a fresh one, and ends the call
 * with a {@link ToolCallException}.</li>
 * </ul>
 * The 401 is seen both as the Rest Client's {@link WebApplicationException} (its default exception mapper) and as a
 * returned {@link Response}. Every other answer and failure reaches the tool unchanged. Credential failures are those
 * of {@code @Downstream} parameters ({@link CallerCredentials}): the same sentences, the same connect answers.
 * Outside an MCP request the call is refused with an {@link IllegalStateException} before anything is obtained.
 */
@Dependent
public class DownstreamRestClientCall {

    private static final int UNAUTHORIZED = 401;

    @Inject
    McpRequest request;

    /**
     * @param target the target's logical name
     * @param idempotent whether the method may be sent twice
     * @param obtain the caller's credential for the target (may make a connection inside the call)
     */
    Object proceed(InvocationContext invocation, String target, boolean idempotent,
            Supplier<DownstreamCredential> obtain) throws Exception {
        try {
            request.caller();
        } catch (IllegalStateException outside) {
            throw new IllegalStateException(invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                    + invocation.getMethod().getName() + " needs the MCP caller's delegated credential for '" + target
                    + "', and no MCP request is being served on this thread. Call a @Downstream REST client from a"
                    + " tool, resource or prompt method, on the thread that serves it.");
        }
        DownstreamCredential credential = obtain.get();
        TraceContext trace = request.traceContext().orElse(null);
        DownstreamRestClientFilter.Outgoing previous =
                DownstreamRestClientFilter.use(new DownstreamRestClientFilter.Outgoing(credential, trace));
        try {
            Object answer = send(invocation);
            if (!isUnauthorized(answer)) {
                return answer;
            }
            closeIfResponse(answer);
            if (!idempotent) {
                credential.invalidate();
                throw new ToolCallException(DownstreamFailureMessages.rejectedNotRepeated(target));
            }
            DownstreamRestClientFilter.use(new DownstreamRestClientFilter.Outgoing(credential.refresh(), trace));
            answer = send(invocation);
            if (!isUnauthorized(answer)) {
                return answer;
            }
            closeIfResponse(answer);
            throw new ToolCallException(DownstreamFailureMessages.rejectedAfterRenewal(target));
        } finally {
            DownstreamRestClientFilter.restore(previous);
        }
    }

    /** The method's result, or the 401 it threw (any other failure is thrown on). */
    private static Object send(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == UNAUTHORIZED) {
                e.getResponse().close(); // nothing more is read from a rejection (a mapper of the author's may not
                                         // have buffered it)
                return e;
            }
            throw e;
        }
    }

    private static boolean isUnauthorized(Object answer) {
        return answer instanceof WebApplicationException
                || answer instanceof Response response && response.getStatus() == UNAUTHORIZED;
    }

    private static void closeIfResponse(Object answer) {
        if (answer instanceof Response response) {
            response.close();
        }
    }
}
