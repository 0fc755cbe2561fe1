package dev.delegatemcp.server.protocol.stateless;

import java.util.function.Supplier;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.server.protocol.McpDispatcher;
import dev.delegatemcp.server.protocol.McpParamHeaders;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.server.protocol.roundtrip.RoundTrip;
import dev.delegatemcp.server.protocol.roundtrip.RoundTripSignal;
import dev.delegatemcp.server.protocol.roundtrip.RoundTrips;
import dev.delegatemcp.server.protocol.stream.Interactions;
import dev.delegatemcp.server.protocol.stream.RequestInteraction;
import dev.delegatemcp.server.protocol.stream.StreamConnection;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * Serves one request of a client of MCP 2026-07-28, whose revision and capabilities its {@code _meta} declared (the
 * transport checked the headers against them): a round trip of its own ({@link RoundTrips}), an interaction whose
 * progress and log messages go on its response stream, the feature's result completed for that revision
 * ({@link StatelessResults}), or an InputRequiredResult when the request needs the client's input first. Nothing
 * about the request outlives it on this server.
 */
@ApplicationScoped
public class StatelessRequests {

    /** One request being served; {@link #end} it whatever happens. */
    public static final class Call {
        private final JsonRpcMessage request;
        private final McpCaller caller;
        private final RequestMetadata metadata;
        private final McpParamHeaders paramHeaders;
        private final RoundTrip roundTrip;
        private final RequestInteraction interaction;

        private Call(JsonRpcMessage request, McpCaller caller, RequestMetadata metadata, McpParamHeaders paramHeaders,
                RoundTrip roundTrip, RequestInteraction interaction) {
            this.request = request;
            this.caller = caller;
            this.metadata = metadata;
            this.paramHeaders = paramHeaders;
            this.roundTrip = roundTrip;
            this.interaction = interaction;
        }

        /** The request's interaction: its cancellation state and, once something was sent, its stream. */
        public RequestInteraction interaction() {
            return interaction;
        }
    }

    @Inject
    McpDispatcher dispatcher;

    @Inject
    Interactions interactions;

    @Inject
    RoundTrips roundTrips;

    @Inject
    StatelessResults results;

    /**
     * Starts serving on the calling thread.
     *
     * @param opener turns the HTTP response into an event stream, when something is sent before the result
     * @throws JsonRpcException -32602 when the request's {@code requestState} or {@code inputResponses} is refused
     */
    public Call begin(JsonRpcMessage request, McpCaller caller, RequestMetadata metadata,
            Supplier<StreamConnection> opener) {
        return begin(request, caller, metadata, McpParamHeaders.NONE, opener);
    }

    /**
     * Starts serving on the calling thread.
     *
     * @param paramHeaders the request's {@code Mcp-Param-*} headers, checked by the feature against the body
     * @param opener turns the HTTP response into an event stream, when something is sent before the result
     * @throws JsonRpcException -32602 when the request's {@code requestState} or {@code inputResponses} is refused
     */
    public Call begin(JsonRpcMessage request, McpCaller caller, RequestMetadata metadata,
            McpParamHeaders paramHeaders, Supplier<StreamConnection> opener) {
        RoundTrip roundTrip = roundTrips.begin(request, caller);
        RequestInteraction interaction = interactions.beginStateless(request, caller, metadata.capabilities(),
                metadata.logLevel(), opener, roundTrip,
                TraceContext.of(metadata.traceparent(), metadata.tracestate()));
        return new Call(request, caller, metadata, paramHeaders, roundTrip, interaction);
    }

    /**
     * @return the result: complete, or input required
     * @throws JsonRpcException for a protocol fault (the feature's, -32601 for a method of no feature in this era,
     *         -32602 for an answer that does not fit its question, -32021 for a missing client capability)
     */
    public JsonObject run(Call call) {
        JsonRpcMessage request = call.request;
        RequestContext context = new RequestContext(request.id(), request.method(), call.caller,
                ProtocolVersion.of(call.metadata.protocolVersion()).orElseThrow(), call.metadata.capabilities(),
                null, call.interaction, call.paramHeaders);
        Object result = null;
        try {
            result = dispatcher.dispatch(request, context);
        } catch (RoundTripSignal signal) {
            // why the round ended is in the round trip
        } catch (JsonRpcException e) {
            if (call.roundTrip.invalidResponse() == null && !call.roundTrip.inputRequired()) {
                throw e;
            }
        }
        if (call.roundTrip.invalidResponse() != null) {
            throw JsonRpcException.invalidParams(call.roundTrip.invalidResponse());
        }
        if (call.roundTrip.inputRequired()) {
            return results.inputRequired(roundTrips.inputRequired(call.roundTrip, request, call.caller));
        }
        boolean retry = request.params().containsKey("requestState")
                || request.params().containsKey("inputResponses");
        return results.complete(result, request.method(), dispatcher.cacheScope(request.method()), retry);
    }

    /** The request is done: nothing it sends from now on opens its stream. Idempotent. */
    public void end(Call call) {
        interactions.endStateless(call.interaction);
    }
}
