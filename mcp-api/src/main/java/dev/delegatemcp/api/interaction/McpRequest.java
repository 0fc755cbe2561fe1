package dev.delegatemcp.api.interaction;

import java.util.Optional;

import dev.delegatemcp.api.McpCaller;

/**
 * The MCP request being served, seen from inside a tool, resource, prompt or completion method: who asks, and the
 * ways the method can talk back to the client while it works. Declare it as a method parameter, or inject it
 * ({@code @Inject McpRequest request}) into a bean used during the request; outside a request every operation but
 * {@link #traceContext()} fails with {@link IllegalStateException}.
 * <p>
 * The same calls work in every protocol revision the server speaks. In MCP 2025-11-25 a question to the client
 * ({@link #sampling()}, {@link #elicitation()}, {@link #roots()}, {@link #inputs()}) is sent on the request's own
 * event stream and the method waits for the answer, for at most {@code mcp.interaction.timeout}. In MCP 2026-07-28
 * there are no server-to-client requests (Multi Round-Trip Requests): a question without an answer ends the call
 * with an InputRequiredResult, and the client's retry runs the method again from the start, with the answers: every
 * question asked before returns its answer at once, without asking again. So in that revision the code before a
 * question runs once per round: keep it free of side effects (or idempotent), and ask before you act; questions
 * asked together ({@link #inputs()}) cost one round instead of one each.
 */
public interface McpRequest {

    /** The authenticated caller. */
    McpCaller caller();

    /**
     * The trace context of the request being served, for a tool to pass on to the services it calls: set the HTTP
     * headers {@code traceparent} and {@code tracestate} of each outgoing call with {@link TraceContext#applyTo}, e.g.
     * {@code request.traceContext().ifPresent(trace -> trace.applyTo(builder::header))}. When the server records
     * traces (OpenTelemetry on: {@code OTEL_SDK_DISABLED=false}), it is the current span's, in the client's trace, so
     * that the called service's spans are its children; else it is what the client sent: {@code _meta.traceparent}
     * and {@code _meta.tracestate} of the request (MCP 2026-07-28, Basic, {@code _meta}, OpenTelemetry trace
     * context), else, in a session of MCP 2025-11-25, the HTTP headers of the same names on its POST. Empty when
     * there is none, or no valid one (W3C Trace Context; {@link TraceContext#of}), and outside a request (so that code
     * that may also run outside one can pass it on unconditionally). A Jakarta REST client or MicroProfile Rest
     * Client needs none of this: Liberty's telemetry sends the context of its own CLIENT span. The server passes it on
     * itself to the STS, the token vault and remote MCP servers.
     */
    Optional<TraceContext> traceContext();

    /** Progress notifications for this request (MCP 2025-11-25, Utilities, Progress). */
    Progress progress();

    /** Log messages to the client at the level it asked for (MCP 2025-11-25, Server utilities, Logging). */
    McpLog log();

    /** Whether the client cancelled this request (MCP 2025-11-25, Utilities, Cancellation). */
    Cancellation cancellation();

    /** Asks the client's model for a completion (MCP 2025-11-25, Client features, Sampling). */
    Sampling sampling();

    /** Asks the user for input, in a form or at a URL (MCP 2025-11-25, Client features, Elicitation). */
    Elicitation elicitation();

    /** The client's roots (MCP 2025-11-25, Client features, Roots). */
    Roots roots();

    /** Several questions to ask together, under keys of the method's choosing. */
    ClientInputs inputs();

    /**
     * Lets go of the HTTP connection the response is waiting on while the method keeps working: the client reconnects
     * after a short delay and receives what follows, the result included, on the new connection (MCP 2025-11-25,
     * Streamable HTTP: the server may close the connection without terminating the stream; the client polls). Worth
     * it before long work, so that no connection sits idle; a client that cannot resume streams would miss the
     * result, so use it only with clients that can (every client of 2025-11-25 should).
     */
    void releaseConnection();
}
