package dev.delegatemcp.server.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.server.protocol.outcome.OutcomeRenderer;
import dev.delegatemcp.server.protocol.roundtrip.RoundTripSignal;
import dev.delegatemcp.server.protocol.session.McpSession;
import dev.delegatemcp.server.telemetry.McpAttributes;
import dev.delegatemcp.server.telemetry.McpOperation;
import dev.delegatemcp.server.telemetry.McpTelemetry;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Routes each request of a session to the {@link McpFeature} that serves its method, with a {@link RequestContext}
 * built from the session, and has user-action outcomes rendered in one place ({@link OutcomeRenderer}).
 * {@code initialize} is the lifecycle's ({@link dev.delegatemcp.server.protocol.lifecycle.Initializer}); here it is
 * refused, the session being initialized already. Each request dispatched is one MCP operation for OpenTelemetry
 * ({@link McpTelemetry#serve}: its span and its {@code mcp.server.operation.duration}).
 */
@ApplicationScoped
public class McpDispatcher {

    private static final Set<String> SESSION_ONLY = Set.of(McpMethods.INITIALIZE, McpMethods.PING,
            McpMethods.LOGGING_SET_LEVEL, McpMethods.RESOURCES_SUBSCRIBE, McpMethods.RESOURCES_UNSUBSCRIBE);
    private static final Set<String> STATELESS_ONLY = Set.of(McpMethods.SERVER_DISCOVER,
            McpMethods.SUBSCRIPTIONS_LISTEN);

    private final Map<String, McpFeature> byMethod = new HashMap<>();
    private final OutcomeRenderer outcomes;
    private final McpTelemetry telemetry;

    /** For CDI proxies only. */
    protected McpDispatcher() {
        outcomes = null;
        telemetry = null;
    }

    @Inject
    public McpDispatcher(@Any Instance<McpFeature> features, OutcomeRenderer outcomes, McpTelemetry telemetry) {
        this((Iterable<McpFeature>) features, outcomes, telemetry);
    }

    /** Without telemetry. @throws IllegalStateException when two features serve one method */
    public McpDispatcher(Iterable<McpFeature> features, OutcomeRenderer outcomes) {
        this(features, outcomes, McpTelemetry.off());
    }

    /** @throws IllegalStateException when two features serve one method */
    public McpDispatcher(Iterable<McpFeature> features, OutcomeRenderer outcomes, McpTelemetry telemetry) {
        this.outcomes = outcomes;
        this.telemetry = telemetry;
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
        return dispatch(request, new RequestContext(request.id(), request.method(), caller,
                session.protocolVersion(), session.clientCapabilities(), session.id(), interaction));
    }

    /**
     * Serves a request in its context: a session's, or its own (MCP 2026-07-28). Methods of one era only are unknown
     * in the other: {@code ping}, {@code logging/setLevel} and {@code resources/(un)subscribe} exist in sessions only,
     * {@code server/discover} and {@code subscriptions/listen} without (MCP 2026-07-28, Key Changes).
     *
     * @return the result to send
     * @throws JsonRpcException -32601 for a method no feature serves in the request's era, or the feature's
     */
    public Object dispatch(JsonRpcMessage request, RequestContext context) {
        boolean served = featureFor(request.method(), context.protocolVersion().era()) != null;
        McpOperation operation = telemetry.serve(served ? request.method() : McpAttributes.OTHER_METHOD,
                request.params(), request.id(), context.protocolVersion().toString(),
                telemetry.isRecording() || context.interaction() == null ? Optional.empty()
                        : context.interaction().traceContext());
        try {
            Object result = handle(request, context);
            operation.result(result);
            return result;
        } catch (JsonRpcException e) {
            operation.failed(e);
            throw e;
        } catch (RoundTripSignal e) {
            throw e; // the request asks the client for input (MCP 2026-07-28): no failure
        } catch (RuntimeException | Error e) {
            operation.failed(e);
            throw e;
        } finally {
            operation.end();
        }
    }

    private Object handle(JsonRpcMessage request, RequestContext context) {
        McpFeature feature = featureFor(request.method(), context.protocolVersion().era());
        if (feature == null) {
            throw JsonRpcException.methodNotFound(request.method());
        }
        try {
            return feature.handle(request.params(), context);
        } catch (ConnectionRequiredException e) {
            return outcomes.render(e, context);
        } catch (ClientInteractionException e) {
            return outcomes.render(e, context);
        }
    }

    /** Whether a result of {@code method} is cacheable, and by whom (the serving feature says). */
    public Optional<CacheScope> cacheScope(String method) {
        McpFeature feature = byMethod.get(method);
        return feature == null ? Optional.empty() : feature.cacheScope(method);
    }

    /** Whether some feature serves {@code method} in that era. */
    public boolean serves(String method, ProtocolVersion.Era era) {
        return featureFor(method, era) != null;
    }

    private McpFeature featureFor(String method, ProtocolVersion.Era era) {
        Set<String> otherEraOnly = era == ProtocolVersion.Era.STATELESS ? SESSION_ONLY : STATELESS_ONLY;
        return otherEraOnly.contains(method) ? null : byMethod.get(method);
    }
}
