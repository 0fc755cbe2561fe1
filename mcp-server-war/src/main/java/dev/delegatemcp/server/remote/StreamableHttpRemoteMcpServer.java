package dev.delegatemcp.server.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.RemoteMcpServer;
import dev.delegatemcp.api.RemoteTool;
import dev.delegatemcp.api.RemoteToolResult;
import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.server.telemetry.McpTelemetry;
import dev.delegatemcp.wire.mcp.CallToolParams;
import dev.delegatemcp.wire.mcp.Implementation;
import dev.delegatemcp.wire.mcp.ListToolsResult;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.PaginatedParams;
import dev.delegatemcp.wire.mcp.Tool;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A {@link RemoteMcpServer} reached over MCP Streamable HTTP (JSON-RPC 2.0), in MCP 2026-07-28 when the server speaks
 * it, else in MCP 2025-11-25 (MCP 2026-07-28, Versioning, Backward Compatibility), authenticated with the caller's
 * {@link DownstreamCredential} for it. Its parts: {@link EraSelectingSession} (which era, found by
 * {@link RemoteEraProbe} once per endpoint and remembered in {@link RemoteEras}), {@link StatelessRemoteSession}
 * (2026-07-28: self-contained requests), {@link RemoteMcpSession} (2025-11-25: initialization, session id, protocol
 * version, re-initialization), {@link RemoteCredential} (the credential and its refresh), {@link
 * StreamableHttpExchange} (one POST and its JSON or event-stream answer), {@link RemoteToolMapper} (results to the
 * API's types), {@link ToolArguments} (map arguments to JSON).
 *
 * <ul>
 * <li>{@link #listTools()} reads every page of {@code tools/list} (MCP 2025-11-25, Pagination), following
 * {@code nextCursor}; more than {@value #MAX_PAGES} pages is "not MCP" (a cursor that never ends).</li>
 * <li>{@link #callTool} sends {@code tools/call}; a remote tool result with {@code isError: true} is returned, not
 * thrown.</li>
 * <li>Failures throw {@link dev.delegatemcp.api.RemoteMcpException} with a sentence from {@link RemoteMcpMessages}:
 * no token, header, URL or stack trace.</li>
 * </ul>
 * <p>
 * <b>Threads</b>: one instance serves one tool call for one caller; do not share it across callers (it holds that
 * caller's credential and session). Its methods are synchronized, so sequential use from different threads, and even
 * concurrent use, is safe. Nothing is sent before the first call.
 */
final class StreamableHttpRemoteMcpServer implements RemoteMcpServer {

    /** tools/list pages read at most before giving up (a server whose cursor never ends). */
    static final int MAX_PAGES = 100;

    private final String name;
    private final RemoteMcpFailures failures;
    private final RemoteToolMapper mapper;
    // Guarded by this.
    private final RemoteSession session;
    // Guarded by this: the last JSON-RPC id of a stateless request (the probe's included).
    private int lastStatelessId;

    /**
     * @param targetName the logical target name ("crm"), used in messages and logs
     * @param url the remote server's MCP endpoint (an absolute http or https URL)
     * @param credential the caller's credential for it
     * @param http the client to send with (shared; HTTP/1.1 recommended)
     * @param requestTimeout the time limit of each HTTP exchange (positive)
     * @param clientName the {@code clientInfo.name} sent on initialize and in each stateless request's {@code _meta}
     * @param clientVersion the {@code clientInfo.version}
     * @param eras the eras of the servers found so far (shared by every client)
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL or the timeout is not positive
     */
    StreamableHttpRemoteMcpServer(String targetName, URI url, DownstreamCredential credential, HttpClient http,
            Duration requestTimeout, String clientName, String clientVersion, RemoteEras eras) {
        this(targetName, url, credential, http, requestTimeout, clientName, clientVersion, eras, Optional.empty(),
                McpTelemetry.off());
    }

    /**
     * @param trace the trace context of the MCP request it serves, sent with every HTTP request
     * @param telemetry makes each HTTP request a CLIENT span
     */
    StreamableHttpRemoteMcpServer(String targetName, URI url, DownstreamCredential credential, HttpClient http,
            Duration requestTimeout, String clientName, String clientVersion, RemoteEras eras,
            Optional<TraceContext> trace, McpTelemetry telemetry) {
        this.name = Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (!url.isAbsolute() || !("http".equalsIgnoreCase(url.getScheme())
                || "https".equalsIgnoreCase(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("The MCP URL of " + targetName + " must be an absolute http(s) URL");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
        Implementation clientInfo = Implementation.of(Objects.requireNonNull(clientName, "clientName"),
                Objects.requireNonNull(clientVersion, "clientVersion"));
        this.failures = new RemoteMcpFailures(targetName);
        this.mapper = new RemoteToolMapper(failures);
        Objects.requireNonNull(eras, "eras");
        StreamableHttpExchange exchange = new StreamableHttpExchange(url, http, requestTimeout, failures, trace,
                telemetry);
        RemoteCredential callerCredential = new RemoteCredential(credential, failures);
        this.session = new EraSelectingSession(url, eras,
                new RemoteEraProbe(exchange, callerCredential, clientInfo, this::nextStatelessId, failures),
                callerCredential,
                new RemoteMcpSession(exchange, callerCredential, clientInfo, failures),
                new StatelessRemoteSession(exchange, callerCredential, clientInfo, this::nextStatelessId, failures),
                targetName);
    }

    /** Called with the lock held (from within the session). */
    private int nextStatelessId() {
        return ++lastStatelessId;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized List<RemoteTool> listTools() {
        List<RemoteTool> tools = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ListToolsResult result = mapper.toolsPage(session.request(McpMethods.TOOLS_LIST,
                    new PaginatedParams(cursor)));
            for (Tool tool : result.tools()) {
                tools.add(mapper.tool(tool));
            }
            if (result.nextCursor() == null) {
                return List.copyOf(tools);
            }
            cursor = result.nextCursor();
        }
        throw failures.notMcp();
    }

    @Override
    public synchronized RemoteToolResult callTool(String tool, JsonObject arguments) {
        Objects.requireNonNull(tool, "tool");
        CallToolParams params = new CallToolParams(tool, arguments == null ? JsonValue.EMPTY_JSON_OBJECT : arguments);
        return mapper.toolResult(session.request(McpMethods.TOOLS_CALL, params));
    }

    /**
     * {@inheritDoc} Also accepted: any {@link Number} (Float, Short, Byte, AtomicLong... as their decimal value) and
     * arrays of those types. Throws {@link IllegalArgumentException} for any other value type, a non-String key or a
     * non-finite number, before anything is sent ({@link ToolArguments}).
     */
    @Override
    public RemoteToolResult callTool(String tool, Map<String, ?> arguments) {
        return callTool(tool, ToolArguments.toJsonObject(arguments));
    }
}
