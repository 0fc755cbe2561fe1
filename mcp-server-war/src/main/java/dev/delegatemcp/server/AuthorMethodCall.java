package dev.delegatemcp.server;

import java.util.function.Function;

import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.interaction.RequestCancelledException;
import dev.delegatemcp.server.protocol.roundtrip.RoundTripSignal;
import dev.delegatemcp.server.security.InsufficientScopeException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;

/**
 * Calls an author's prompt or completion method, whose failures have no result of their own to go in (unlike a tool's
 * {@code isError}): a {@link ToolCallException} is -32603 with the author's sentence; a connection to make, a
 * cancellation or a missing scope pass through to the protocol layer and the transport; anything else is the caller's
 * {@code failed} answer (-32603 with a reference that is also logged), never the exception's message.
 */
public final class AuthorMethodCall {

    /** The author's method, ready to call. */
    @FunctionalInterface
    public interface Call {
        Object call() throws Throwable;
    }

    private AuthorMethodCall() {
    }

    /**
     * @param failed makes the answer for an unexpected failure from the exception's class name
     * @return what the method returned
     */
    public static Object call(Call method, Function<String, JsonRpcException> failed) {
        try {
            return method.call();
        } catch (ConnectionRequiredException | RequestCancelledException | InsufficientScopeException
                | RoundTripSignal e) {
            throw e; // rendered by the protocol layer; a 403 by the transport; no answer at all; a round trip
        } catch (ToolCallException e) {
            if (e instanceof ClientInteractionException missing
                    && missing.reason() == ClientInteractionException.Reason.NOT_SUPPORTED) {
                throw missing; // rendered by the protocol layer (per revision)
            }
            throw new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR, e.getMessage());
        } catch (Throwable e) {
            if (e instanceof Error error && !(e instanceof StackOverflowError)) {
                throw error;
            }
            throw failed.apply(e.getClass().getName());
        }
    }
}
