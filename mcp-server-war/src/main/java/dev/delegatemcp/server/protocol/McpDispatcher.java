package dev.delegatemcp.server.protocol;

import java.util.HashMap;
import java.util.Map;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.server.protocol.outcome.OutcomeRenderer;
import dev.delegatemcp.server.protocol.session.McpSession;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Routes each request of a session to the {@link McpFeature} that serves its method, with a {@link RequestContext}
 * built from the session, and has user-action outcomes rendered in one place ({@link OutcomeRenderer}).
 * {@code initialize} is the lifecycle's ({@link dev.delegatemcp.server.protocol.lifecycle.Initializer}); here it is
 * refused, the session being initialized already.
 */
@ApplicationScoped
public class McpDispatcher {

    private final Map<String, McpFeature> byMethod = new HashMap<>();
    private final OutcomeRenderer outcomes;

    /** For CDI proxies only. */
    protected McpDispatcher() {
        outcomes = null;
    }

    @Inject
    public McpDispatcher(@Any Instance<McpFeature> features, OutcomeRenderer outcomes) {
        this((Iterable<McpFeature>) features, outcomes);
    }

    /** @throws IllegalStateException when two features serve one method */
    public McpDispatcher(Iterable<McpFeature> features, OutcomeRenderer outcomes) {
        this.outcomes = outcomes;
        for (McpFeature feature : features) {
            for (String method : feature.methods()) {
                McpFeature other = byMethod.putIfAbsent(method, feature);
                if (other != null) {
                    throw new IllegalStateException("Two features serve " + method + ": " + other.getClass().getName()
                            + " and " + feature.getClass().getName());
                }
            }
        }
    }

    /**
     * Serves a request after initialize, in the caller's session.
     *
     * @return the result to send
     * @throws JsonRpcException -32601 for a method no feature serves, -32600 for a second initialize, or the feature's
     */
    public Object dispatch(JsonRpcMessage request, McpCaller caller, McpSession session) {
        return dispatch(request, caller, session, null);
    }

    /**
     * Serves a request after initialize, in the caller's session, with what it can do with the client.
     *
     * @return the result to send
     * @throws JsonRpcException -32601 for a method no feature serves, -32600 for a second initialize, or the feature's
     */
    public Object dispatch(JsonRpcMessage request, McpCaller caller, McpSession session, McpRequest interaction) {
        if (McpMethods.INITIALIZE.equals(request.method())) {
            throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST,
                    "Invalid Request: the session is already initialized");
        }
        McpFeature feature = byMethod.get(request.method());
        if (feature == null) {
            throw JsonRpcException.methodNotFound(request.method());
        }
        RequestContext context = new RequestContext(request.id(), request.method(), caller,
                session.protocolVersion(), session.clientCapabilities(), session.id(), interaction);
        try {
            return feature.handle(request.params(), context);
        } catch (ConnectionRequiredException e) {
            return outcomes.render(e, context);
        }
    }
}
