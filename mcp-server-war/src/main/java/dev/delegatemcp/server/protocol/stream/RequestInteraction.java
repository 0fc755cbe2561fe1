package dev.delegatemcp.server.protocol.stream;

import java.util.Optional;
import java.util.function.Supplier;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.interaction.Cancellation;
import dev.delegatemcp.api.interaction.ClientInputs;
import dev.delegatemcp.api.interaction.Elicitation;
import dev.delegatemcp.api.interaction.McpLog;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.interaction.Progress;
import dev.delegatemcp.api.interaction.Roots;
import dev.delegatemcp.api.interaction.Sampling;
import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.server.telemetry.TraceContexts;
import jakarta.json.JsonValue;

/**
 * The {@link McpRequest} of one request: its progress and log messages go on the request's own stream; its questions
 * to the client go there too in a session (MCP 2025-11-25), or become input requests of a round trip without one (MCP
 * 2026-07-28, Multi Round-Trip Requests: {@link ClientQuestions}). Its parts are made when first used.
 */
public final class RequestInteraction implements McpRequest {

    private final McpCaller caller;
    private final JsonValue progressToken;
    private final ClientCapabilities capabilities;
    private final RequestChannel channel;
    private final ClientQuestions questions;
    private final Supplier<Optional<McpLog.Level>> logThreshold;
    private final String logger;
    private final Optional<TraceContext> traceContext;
    private final RequestCancellation cancellation = new RequestCancellation();
    private Progress progress;
    private McpLog log;

    /**
     * @param logger the name log messages carry: the tool, prompt or resource being served, or null
     */
    RequestInteraction(McpCaller caller, JsonValue progressToken, ClientCapabilities capabilities,
            RequestChannel channel, Supplier<Optional<McpLog.Level>> logThreshold, String logger) {
        this(caller, progressToken, capabilities, channel, channel, logThreshold, logger, Optional.empty());
    }

    /**
     * @param questions how the client is asked for sampling, elicitation and roots
     * @param logger the name log messages carry: the tool, prompt or resource being served, or null
     */
    RequestInteraction(McpCaller caller, JsonValue progressToken, ClientCapabilities capabilities,
            RequestChannel channel, ClientQuestions questions, Supplier<Optional<McpLog.Level>> logThreshold,
            String logger) {
        this(caller, progressToken, capabilities, channel, questions, logThreshold, logger, Optional.empty());
    }

    /**
     * @param questions how the client is asked for sampling, elicitation and roots
     * @param logger the name log messages carry: the tool, prompt or resource being served, or null
     * @param traceContext the W3C trace context the client sent with the request, if any
     */
    RequestInteraction(McpCaller caller, JsonValue progressToken, ClientCapabilities capabilities,
            RequestChannel channel, ClientQuestions questions, Supplier<Optional<McpLog.Level>> logThreshold,
            String logger, Optional<TraceContext> traceContext) {
        this.traceContext = traceContext;
        this.questions = questions;
        this.caller = caller;
        this.progressToken = progressToken;
        this.capabilities = capabilities;
        this.channel = channel;
        this.logThreshold = logThreshold;
        this.logger = logger;
    }

    @Override
    public McpCaller caller() {
        return caller;
    }

    /**
     * The trace context to pass on: the current span's when OpenTelemetry records this request (so that the called
     * services' spans are children of this server's), else the client's as it sent it.
     */
    @Override
    public Optional<TraceContext> traceContext() {
        return TraceContexts.outgoing(traceContext);
    }

    @Override
    public synchronized Progress progress() {
        if (progress == null) {
            progress = new RequestProgress(progressToken, channel);
        }
        return progress;
    }

    @Override
    public synchronized McpLog log() {
        if (log == null) {
            log = new ClientLog(logThreshold, channel, logger);
        }
        return log;
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public Sampling sampling() {
        return new ClientSampling(capabilities.sampling(), questions, cancellation);
    }

    @Override
    public Elicitation elicitation() {
        return new ClientElicitation(capabilities.formElicitation(), capabilities.urlElicitation(), channel,
                questions, cancellation);
    }

    @Override
    public Roots roots() {
        return new ClientRoots(capabilities.roots(), questions, cancellation);
    }

    @Override
    public ClientInputs inputs() {
        return new ClientInputBatch(capabilities, questions, cancellation);
    }

    @Override
    public void releaseConnection() {
        channel.releaseConnection();
    }

    /** The request is done: nothing it sends from now on opens its stream (see {@link RequestChannel#finish()}). */
    void finish() {
        channel.finish();
    }

    /** The request's cancellation state, for the transport. */
    public RequestCancellation cancellationState() {
        return cancellation;
    }

    /** The request's stream when something was sent on it; null while its response can be plain JSON. */
    public EventStream openedStream() {
        return channel.openedStream();
    }
}
