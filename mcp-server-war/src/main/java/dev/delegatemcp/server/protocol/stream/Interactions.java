package dev.delegatemcp.server.protocol.stream;

import java.util.Optional;
import java.util.function.Supplier;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.interaction.McpLog;
import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.server.protocol.logging.ClientLogLevels;
import dev.delegatemcp.server.protocol.session.McpSession;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Starts and ends the {@link RequestInteraction} of each request of a session: registered for cancellation while it
 * runs on the calling thread, with the request's {@code _meta.progressToken}, its trace context and the session's log
 * level.
 */
@ApplicationScoped
public class Interactions {

    @Inject
    SessionStreams streams;

    @Inject
    OutgoingRequests outgoing;

    @Inject
    InFlightRequests inFlight;

    @Inject
    ClientLogLevels levels;

    @Inject
    StreamConfig config;

    /**
     * The request starts on the calling thread, without a trace context from the transport.
     *
     * @param opener turns the request's HTTP response into an event stream, when something is sent before the result;
     *        null when the client takes no event stream (its notifications are dropped, it is asked nothing)
     */
    public RequestInteraction begin(JsonRpcMessage request, McpCaller caller, McpSession session,
            Supplier<StreamConnection> opener) {
        return begin(request, caller, session, opener, Optional.empty());
    }

    /**
     * The request starts on the calling thread. Its trace context is {@code _meta.traceparent} and
     * {@code _meta.tracestate} when valid (as MCP 2026-07-28 sends them, and some clients of 2025-11-25 already do),
     * else the one of the HTTP request ({@code transportTrace}).
     *
     * @param opener turns the request's HTTP response into an event stream, when something is sent before the result;
     *        null when the client takes no event stream (its notifications are dropped, it is asked nothing)
     * @param transportTrace the W3C {@code traceparent}/{@code tracestate} headers of the HTTP request, if valid
     */
    public RequestInteraction begin(JsonRpcMessage request, McpCaller caller, McpSession session,
            Supplier<StreamConnection> opener, Optional<TraceContext> transportTrace) {
        RequestChannel channel = new RequestChannel(session.id(), session.owner(), streams, outgoing, opener,
                config.interactionTimeout());
        Optional<TraceContext> trace = traceContext(request.params());
        RequestInteraction interaction = new RequestInteraction(caller, progressToken(request.params()),
                session.clientCapabilities(), channel, channel, () -> levels.of(session.id()),
                loggerName(request.params()), trace.isPresent() ? trace : transportTrace);
        inFlight.add(session.id(), request.id(), interaction.cancellationState());
        interaction.cancellationState().started();
        CurrentRequest.set(interaction);
        return interaction;
    }

    /**
     * A request outside any session (MCP 2026-07-28) starts on the calling thread: its progress and log messages go on
     * its own response stream, at or above the level its {@code _meta} asked for (none when it asked for none: MCP
     * 2026-07-28, Logging); its questions to the client go to {@code questions}. No cancellation registry: closing the
     * response stream is how such a client cancels.
     *
     * @param capabilities what the request's {@code _meta} declared the client can do
     * @param logLevel {@code _meta["io.modelcontextprotocol/logLevel"]}, when given
     * @param trace the W3C trace context of its {@code _meta} ({@code traceparent}, {@code tracestate}), if valid
     */
    public RequestInteraction beginStateless(JsonRpcMessage request, McpCaller caller, ClientCapabilities capabilities,
            Optional<McpLog.Level> logLevel, Supplier<StreamConnection> opener, ClientQuestions questions,
            Optional<TraceContext> trace) {
        // Closing the response stream cancels the request (MCP 2026-07-28, Streamable HTTP, Cancellation): noticed when
        // a write to it fails.
        java.util.concurrent.atomic.AtomicReference<RequestInteraction> served =
                new java.util.concurrent.atomic.AtomicReference<>();
        RequestChannel channel = RequestChannel.stateless(opener, () -> {
            RequestInteraction gone = served.get();
            if (gone != null) {
                gone.cancellationState().cancel();
            }
        });
        RequestInteraction interaction = new RequestInteraction(caller, progressToken(request.params()), capabilities,
                channel, questions, () -> logLevel, loggerName(request.params()), trace);
        served.set(interaction);
        interaction.cancellationState().started();
        CurrentRequest.set(interaction);
        return interaction;
    }

    /** A request outside any session is done; see {@link #end}. */
    public void endStateless(RequestInteraction interaction) {
        CurrentRequest.clear();
        interaction.cancellationState().finished();
        interaction.finish();
    }

    /**
     * The request is done (whatever its outcome): no cancellation reaches it any more, and nothing it sends from now on
     * opens its stream; call it before writing the response. Idempotent.
     */
    public void end(JsonRpcMessage request, McpSession session, RequestInteraction interaction) {
        CurrentRequest.clear();
        inFlight.remove(session.id(), request.id(), interaction.cancellationState());
        interaction.cancellationState().finished();
        interaction.finish();
    }

    /**
     * The logger name of the request's log messages: what it serves, i.e. {@code params.name} (a tool or prompt),
     * else {@code params.uri} (a resource), else the same within {@code params.ref} (a completion); null otherwise.
     */
    static String loggerName(JsonObject params) {
        if (params.get("name") instanceof JsonString name) {
            return name.getString();
        }
        if (params.get("uri") instanceof JsonString uri) {
            return uri.getString();
        }
        return params.get("ref") instanceof JsonObject ref ? loggerName(ref) : null;
    }

    /**
     * {@code params._meta.traceparent} and {@code tracestate} when they are strings and valid W3C Trace Context
     * ({@link TraceContext#of}); else empty.
     */
    static Optional<TraceContext> traceContext(JsonObject params) {
        if (params.get("_meta") instanceof JsonObject meta
                && meta.get(TraceContext.TRACEPARENT) instanceof JsonString traceparent) {
            return TraceContext.of(traceparent.getString(),
                    meta.get(TraceContext.TRACESTATE) instanceof JsonString tracestate ? tracestate.getString()
                            : null);
        }
        return Optional.empty();
    }

    /** {@code params._meta.progressToken} when it is a string or an integer (MCP 2025-11-25, Progress), else null. */
    static JsonValue progressToken(JsonObject params) {
        if (params.get("_meta") instanceof JsonObject meta) {
            JsonValue token = meta.get("progressToken");
            if (token instanceof JsonString || token instanceof JsonNumber number && number.isIntegral()) {
                return token;
            }
        }
        return null;
    }
}
