package dev.delegatemcp.server.transport.http;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.interaction.RequestCancelledException;
import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.server.protocol.McpDispatcher;
import dev.delegatemcp.server.protocol.McpParamHeaders;
import dev.delegatemcp.server.protocol.lifecycle.Initializer;
import dev.delegatemcp.server.protocol.session.McpSession;
import dev.delegatemcp.server.protocol.session.SessionStore;
import dev.delegatemcp.server.protocol.stream.ClientMessages;
import dev.delegatemcp.server.protocol.stream.EventStream;
import dev.delegatemcp.server.protocol.stream.Interactions;
import dev.delegatemcp.server.protocol.stream.RequestInteraction;
import dev.delegatemcp.server.protocol.stream.SessionStreams;
import dev.delegatemcp.server.security.BearerChallenge;
import dev.delegatemcp.server.security.CallerProducer;
import dev.delegatemcp.server.security.InboundToken;
import dev.delegatemcp.server.security.InsufficientScopeException;
import dev.delegatemcp.server.telemetry.McpOperation;
import dev.delegatemcp.server.telemetry.McpTelemetry;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcCodec;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorResponse;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.jsonrpc.JsonRpcResponse;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The MCP Streamable HTTP endpoint, dual-era (MCP 2026-07-28, Versioning, Backward Compatibility): a POST without a
 * session whose {@code _meta} or {@code MCP-Protocol-Version} names a stateless revision (2026-07-28) is served
 * statelessly ({@link StatelessPost}); {@code initialize} opens a session of 2025-11-25 (also 2025-06-18 and
 * 2025-03-26), and that session's requests, GET stream and DELETE are served as that revision says. Liberty's MP-JWT
 * has authenticated the caller before this runs (see web.xml); this class does the transport: Origin check, sessions,
 * protocol version header, JSON-RPC framing and HTTP status codes.
 */
@Path("/mcp")
@ApplicationScoped // one instance, registered as such by McpApplication (a bean per request cost 5 % of CPU, JFR)
public class McpEndpoint {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";
    private static final String ORIGIN = "Origin";
    private static final String SSE = "text/event-stream";
    /** The answer at any other path than the endpoint's own (see {@link #atOwnPath}). */
    private static final String NOT_HERE = "Not Found: the MCP endpoint is <context root>/mcp";
    private static final Logger LOG = Logger.getLogger(McpEndpoint.class.getName());

    @Inject
    OriginPolicy origins;

    @Inject
    SessionStore sessions;

    @Inject
    RequestBodyReader bodies;

    @Inject
    McpDispatcher dispatcher;

    @Inject
    Initializer initializer;

    /** Spans and durations of initialize; the other methods' are the dispatcher's. */
    @Inject
    McpTelemetry telemetry;

    @Inject
    CallerProducer callers;

    @Inject
    BearerChallenge challenge;

    @Inject
    Interactions interactions;

    @Inject
    ClientMessages clientMessages;

    @Inject
    SessionStreams streams;

    @Inject
    StatelessPost statelessPost;

    @Inject
    RequestWorkers workers;

    @Inject
    InboundToken inboundToken;

    /** Whether the missing EventStreamResponseFilter was reported (once). */
    private final AtomicBoolean filterMissing = new AtomicBoolean();

    /**
     * RESTEasy's proxy to the current request's servlet request, injected once; the POST reads only its
     * {@link UpgradableResponse} attribute through it, and the rest from the container's request that it holds (see
     * {@link UpgradableResponse#request}).
     */
    @Context
    HttpServletRequest servletRequests;

    /**
     * A POST: refusals, and a session's notifications, responses and {@code initialize}, are answered on the HTTP
     * request's thread; a session's other requests, and every message outside a session (MCP 2026-07-28), go to
     * {@link RequestWorkers}, which serves them on that thread or on a worker. Headers are read from the servlet
     * request itself (the first value of each, as {@code @HeaderParam} would; of {@code Origin}, every value).
     * <p>
     * The body is read from the servlet request's own stream, not handed over by JAX-RS as an {@code InputStream}
     * parameter: that costs a message body reader's lookup and its interceptor chain on every request (1.2 us of about
     * 100, bench/peers, JFR, 2026-12-01).
     *
     * @return the answer; null when there is nothing for JAX-RS to write (a worker answers, or the answer was written
     *         as an event stream)
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post() {
        if (!(servletRequests
                .getAttribute(EventStreamResponseFilter.ATTRIBUTE) instanceof UpgradableResponse upgradable)) {
            if (!atOwnPath(servletRequests)) {
                return error(Response.Status.NOT_FOUND, null, JsonRpcErrorCodes.INVALID_REQUEST, NOT_HERE);
            }
            // web.xml does not map EventStreamResponseFilter to this request: a deployment fault, told once.
            if (!filterMissing.getAndSet(true)) {
                LOG.severe("MCP POSTs are refused: EventStreamResponseFilter is not mapped to /mcp/* in web.xml");
            }
            return error(Response.Status.INTERNAL_SERVER_ERROR, null, JsonRpcErrorCodes.INTERNAL_ERROR,
                    "Internal error: the server is misconfigured");
        }
        HttpServletRequest http = upgradable.request();
        if (http.getHeader(ORIGIN) != null && !origins.allows(Collections.list(http.getHeaders(ORIGIN)))) {
            return error(Response.Status.FORBIDDEN, null, JsonRpcErrorCodes.INVALID_REQUEST,
                    "Forbidden: origin not allowed");
        }
        String body;
        ResponseFormat.Accepted accepted;
        try {
            RequestBodyReader.checkContentType(http.getHeader("Content-Type"));
            accepted = ResponseFormat.accepted(http.getHeader("Accept"));
            if (accepted.format() == null) {
                return error(Response.Status.NOT_ACCEPTABLE, null, JsonRpcErrorCodes.INVALID_REQUEST,
                        "Not Acceptable: accept application/json and text/event-stream");
            }
            body = bodies.read(http.getInputStream(), http.getHeader("Content-Length"));
        } catch (RequestBodyReader.RefusedException e) {
            Response.Status status = e.refusal() == RequestBodyReader.Refusal.TOO_LARGE
                    ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.UNSUPPORTED_MEDIA_TYPE;
            return error(status, null, JsonRpcErrorCodes.INVALID_REQUEST, e.getMessage());
        } catch (java.nio.charset.CharacterCodingException e) {
            return error(Response.Status.BAD_REQUEST, null, JsonRpcErrorCodes.PARSE_ERROR,
                    "Parse error: the request body is not UTF-8");
        } catch (IOException e) {
            // The client went away or stopped sending mid-body: a 400 for whoever may still read it.
            return error(Response.Status.BAD_REQUEST, null, JsonRpcErrorCodes.PARSE_ERROR,
                    "Parse error: the request body could not be read");
        }
        JsonRpcMessage message;
        try {
            message = JsonRpcCodec.parse(body);
        } catch (JsonRpcException e) {
            return error(Response.Status.BAD_REQUEST, null, e.code(), e.getMessage());
        }
        // Read once, from the servlet request, on its thread; handed on with the request (also to a worker,
        // RequestWorkers), for code that injects the token or the caller.
        JsonWebToken token = InboundToken.of(http);
        Request request = new Request(message, callers.callerOf(token), accepted, http, upgradable);
        return inboundToken.actingFor(token, request.caller(), () -> route(request, token));
    }

    /**
     * A parsed POST, its caller, its HTTP request (read on the request's own thread only) and its response wrapper
     * (also used by a worker that answers or streams).
     */
    private record Request(JsonRpcMessage message, McpCaller caller, ResponseFormat.Accepted accepted,
            HttpServletRequest http, UpgradableResponse upgradable) {
    }

    /** The answer to a parsed POST, or null when there is nothing for JAX-RS to write (see {@link #post}). */
    private Response route(Request request, JsonWebToken token) {
        JsonRpcMessage message = request.message();
        McpCaller caller = request.caller();
        ResponseFormat format = request.accepted().format();
        HttpServletRequest http = request.http();
        UpgradableResponse upgradable = request.upgradable();
        // Everything of the HTTP request is read now, on its thread: the request may go on on a worker
        // (RequestWorkers).
        String sessionId = http.getHeader(SESSION_HEADER);
        String protocolVersion = http.getHeader(VERSION_HEADER);
        Supplier<DetachedResponse> detach = () -> DetachedResponse.detach(http, upgradable);
        if (StatelessPost.stateless(message, protocolVersion, sessionId)) {
            StatelessPost.Headers headers = new StatelessPost.Headers(protocolVersion,
                    http.getHeader(RequestHeaders.METHOD_HEADER), http.getHeader(RequestHeaders.NAME_HEADER),
                    paramHeaders(http), request.accepted().eventStreams());
            return workers.serve(detach, kindOf(message), () -> inboundToken.actingFor(token, caller,
                    () -> statelessPost.post(message, headers, caller, format, upgradable)));
        }
        if (McpMethods.INITIALIZE.equals(message.method()) && message.isRequest()) {
            return initialize(message, format, caller);
        }
        if (sessionId == null || sessionId.isBlank()) {
            return error(Response.Status.BAD_REQUEST, message.id(), JsonRpcErrorCodes.INVALID_REQUEST,
                    "Bad Request: the " + SESSION_HEADER + " header is required; call initialize first");
        }
        Optional<McpSession> session = ownSession(sessionId, caller);
        if (session.isEmpty()) {
            return error(Response.Status.NOT_FOUND, message.id(), JsonRpcErrorCodes.INVALID_REQUEST,
                    "Session not found: it has ended or expired; initialize a new session");
        }
        if (!supportedVersion(protocolVersion)) {
            return error(Response.Status.BAD_REQUEST, message.id(), JsonRpcErrorCodes.INVALID_REQUEST,
                    "Bad Request: unsupported " + VERSION_HEADER + " " + protocolVersion + "; supported: "
                            + String.join(", ", ProtocolVersion.supported()));
        }
        if (message.isNotification()) {
            clientMessages.notification(message, session.get());
            return Response.accepted().build();
        }
        if (message.isResponse()) {
            // Accepted even when nothing waits for it any more (answered late, after the wait timed out or the call
            // was cancelled): the client did nothing wrong. It reaches a waiting call of this session and subject only.
            clientMessages.response(message, session.get(), caller.subject());
            return Response.accepted().build();
        }
        // W3C Trace Context headers of the POST: the request's trace context unless its _meta has one.
        Optional<TraceContext> trace = TraceContext.of(http.getHeader(TraceContext.TRACEPARENT),
                http.getHeader(TraceContext.TRACESTATE));
        boolean eventStreams = request.accepted().eventStreams();
        McpSession own = session.get();
        return workers.serve(detach, kindOf(message), () -> inboundToken.actingFor(token, caller,
                () -> serve(message, caller, own, format, eventStreams ? upgradable : null, trace)));
    }

    /**
     * Serves a session's request on the calling thread (the HTTP thread or a worker). The answer is one JSON message
     * unless the request sends something (progress, a log message, a request to the client) before its result: then
     * the response became an event stream at that moment, and the result is its last event. A request the client
     * cancelled gets no result (MCP 2025-11-25, Cancellation).
     *
     * @param streamable the POST's {@link UpgradableResponse}; null when the client takes no event stream
     */
    private Response serve(JsonRpcMessage message, McpCaller caller, McpSession session, ResponseFormat format,
            Object streamable, Optional<TraceContext> trace) {
        RequestInteraction interaction = interactions.begin(message, caller, session,
                streamable != null ? () -> ServletEventConnection.open(streamable) : null, trace);
        Object reply;
        try {
            reply = JsonRpcResponse.of(message.id(), dispatcher.dispatch(message, caller, session, interaction));
        } catch (JsonRpcException e) {
            reply = e.toResponse(message.id());
        } catch (RequestCancelledException e) {
            reply = null;
        } catch (InsufficientScopeException e) {
            // Ended before looking at the stream, so that nothing opens it in between (ended again below: harmless).
            interactions.end(message, session, interaction);
            if (interaction.openedStream() == null) {
                return FailedRequestReplies.forbiddenResponse(message.id(), e, challenge);
            }
            reply = FailedRequestReplies.forbidden(message.id(), e);
        } catch (RuntimeException e) {
            reply = FailedRequestReplies.internalError(message.id(), message.method(), e);
        } finally {
            interactions.end(message, session, interaction);
        }
        if (interaction.cancellation().isCancelled()) {
            reply = null;
        }
        EventStream stream = interaction.openedStream();
        if (stream != null) {
            if (reply != null) {
                stream.send(WireJson.toJson(reply));
            }
            stream.end();
            return null; // written as an event stream already
        }
        if (reply == null) {
            return Response.ok("", SSE).header("Cache-Control", "no-cache").build();
        }
        return format.ok(reply).build();
    }

    /**
     * Opens a server-to-client event stream for the session (MCP 2025-11-25, Streamable HTTP, Listening for messages
     * from the server), or, with {@code Last-Event-ID}, resumes the stream that event belongs to: the events after it
     * are replayed and the stream goes on on this connection (Resumability and redelivery); a stream that ended and
     * whose events the client has all seen is answered 204 No Content, so that the client stops reconnecting.
     */
    @GET
    @Produces(SSE)
    public void listen(@Context SseEventSink sink, @Context Sse sse, @HeaderParam(ORIGIN) List<String> origin,
            @HeaderParam(SESSION_HEADER) String sessionId, @HeaderParam(VERSION_HEADER) String protocolVersion,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        if (!atOwnPath(servletRequests)) {
            throw refused(Response.Status.NOT_FOUND, NOT_HERE);
        }
        if (!origins.allows(origin)) {
            throw refused(Response.Status.FORBIDDEN, "Forbidden: origin not allowed");
        }
        if (sessionId == null || sessionId.isBlank()) {
            throw refused(Response.Status.BAD_REQUEST,
                    "Bad Request: the " + SESSION_HEADER + " header is required; call initialize first");
        }
        McpCaller caller = callers.callerOf(inboundToken.current());
        Optional<McpSession> session = ownSession(sessionId, caller);
        if (session.isEmpty()) {
            throw refused(Response.Status.NOT_FOUND,
                    "Session not found: it has ended or expired; initialize a new session");
        }
        if (!supportedVersion(protocolVersion)) {
            throw refused(Response.Status.BAD_REQUEST, "Bad Request: unsupported " + VERSION_HEADER + " "
                    + protocolVersion + "; supported: " + String.join(", ", ProtocolVersion.supported()));
        }
        SinkConnection connection = new SinkConnection(sink, sse);
        if (lastEventId != null && !lastEventId.isBlank()) {
            switch (streams.resume(sessionId, caller.subject(), lastEventId.trim(), connection)) {
                case RESUMED:
                    return;
                case FINISHED:
                    // The stream ended and the client has it all: 204 tells an SSE client to stop reconnecting.
                    throw new WebApplicationException(Response.noContent().build());
                default:
                    break;
            }
        }
        streams.listen(sessionId, caller.subject(), connection);
    }

    /** Ends a session. */
    @DELETE
    public Response delete(@HeaderParam(ORIGIN) List<String> origin, @HeaderParam(SESSION_HEADER) String sessionId) {
        if (!atOwnPath(servletRequests)) {
            return error(Response.Status.NOT_FOUND, null, JsonRpcErrorCodes.INVALID_REQUEST, NOT_HERE);
        }
        if (!origins.allows(origin)) {
            return error(Response.Status.FORBIDDEN, null, JsonRpcErrorCodes.INVALID_REQUEST,
                    "Forbidden: origin not allowed");
        }
        if (sessionId == null || sessionId.isBlank()) {
            return error(Response.Status.BAD_REQUEST, null, JsonRpcErrorCodes.INVALID_REQUEST,
                    "Bad Request: the " + SESSION_HEADER + " header is required");
        }
        if (ownSession(sessionId, callers.callerOf(inboundToken.current())).isEmpty() || !sessions.remove(sessionId)) {
            return error(Response.Status.NOT_FOUND, null, JsonRpcErrorCodes.INVALID_REQUEST, "Session not found");
        }
        return Response.noContent().build();
    }

    private Response initialize(JsonRpcMessage message, ResponseFormat format, McpCaller caller) {
        Initializer.Initialized initialized;
        McpOperation operation = telemetry.serve(message.method(), message.params(), message.id(), null);
        try {
            initialized = initializer.initialize(message.params());
            operation.protocolVersion(initialized.protocolVersion().text());
        } catch (JsonRpcException e) {
            operation.failed(e);
            return format.ok(e.toResponse(message.id())).build();
        } catch (RuntimeException e) {
            operation.failed(e);
            throw e;
        } finally {
            operation.end(); // the session's creation below is bookkeeping, not part of the operation
        }
        McpSession session = sessions.create(caller.subject(), initialized.protocolVersion(),
                initialized.clientCapabilities());
        streams.sessionStarted(session.id(), session.owner());
        return format.ok(JsonRpcResponse.of(message.id(), initialized.result()))
                .header(SESSION_HEADER, session.id()).build();
    }

    /** A session is usable only by the subject that created it; to anyone else it does not exist. */
    private Optional<McpSession> ownSession(String sessionId, McpCaller caller) {
        return sessions.touchOwn(sessionId, caller.subject());
    }

    /** The request's {@code Mcp-Param-*} headers (MCP 2026-07-28, Custom Headers from Tool Parameters). */
    static McpParamHeaders paramHeaders(HttpServletRequest request) {
        Enumeration<String> names = request.getHeaderNames();
        if (names == null) {
            return McpParamHeaders.NONE; // a container that keeps the headers to itself (Servlet 6.0 allows it)
        }
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(names)) {
            if (name.regionMatches(true, 0, McpParamHeaders.PREFIX, 0, McpParamHeaders.PREFIX.length())) {
                headers.put(name, Collections.list(request.getHeaders(name)));
            }
        }
        return McpParamHeaders.from(headers);
    }

    /**
     * What a request does, for {@link RequestWorkers}: its method, and the tool or prompt it names; null for
     * {@code subscriptions/listen}, which holds its thread for as long as the stream lasts, however quickly an earlier
     * one ended: always served on a worker.
     */
    static String kindOf(JsonRpcMessage message) {
        String method = message.method();
        if (McpMethods.SUBSCRIPTIONS_LISTEN.equals(method)) {
            return null;
        }
        if (McpMethods.TOOLS_CALL.equals(method) || McpMethods.PROMPTS_GET.equals(method)) {
            if (message.params() != null && message.params().get("name") instanceof jakarta.json.JsonString name) {
                return RequestDurations.kind(method, name.getString());
            }
        }
        return RequestDurations.kind(method, null);
    }

    /** A header naming a revision this server speaks, or no header (MCP 2025-11-25, Protocol version header). */
    private static boolean supportedVersion(String header) {
        return header == null || ProtocolVersion.of(header.trim()).isPresent();
    }

    /**
     * Whether the request came at this endpoint's own path, {@code <context root>/mcp}, where web.xml's security
     * constraint and filters apply. Another JAX-RS application of the same web module that lists no classes is given
     * every resource of it, this endpoint too, under its own path (Jakarta RESTful Web Services 3.1, section 2.3.2),
     * outside them: there the endpoint answers 404, as if it were not there. A POST is checked only when it lacks the
     * event-stream filter's attribute (the filter is mapped to the endpoint's own path), so its usual path pays nothing.
     */
    static boolean atOwnPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        String path = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
        return path.equals("/mcp") || path.startsWith("/mcp/");
    }

    private static WebApplicationException refused(Response.Status status, String message) {
        return new WebApplicationException(error(status, null, JsonRpcErrorCodes.INVALID_REQUEST, message));
    }

    static Response error(Response.Status status, JsonValue id, int code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(WireJson.toJson(JsonRpcErrorResponse.of(id, code, message))).build();
    }

    /**
     * A constant: JAX-RS writes this endpoint's description into its tracing record on every request, traced or not,
     * and {@code Object.toString} (class name and identity hash in hexadecimal) cost 0.9 us of each (JFR, 2026-12-01).
     */
    @Override
    public String toString() {
        return "MCP endpoint";
    }
}
