package dev.delegatemcp.server.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.RemoteMcpServer;
import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.server.ServerConfig;
import dev.delegatemcp.server.telemetry.McpTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Opens {@link RemoteMcpServer} clients, one per tool call, sharing one {@link HttpClient}.
 *
 * <p>
 * The client speaks HTTP/1.1 only: an HTTP/2 upgrade attempt over plain HTTP ({@code h2c}) to Liberty misbehaves. MP
 * Config: {@code mcp.remote.connect-timeout} (ISO-8601 duration, default {@code PT5S}) bounds connecting,
 * {@code mcp.remote.timeout} (default {@code PT15S}) each HTTP exchange; {@code mcp.server.name} and
 * {@code mcp.server.version} are the {@code clientInfo} sent on initialize. Redirects are not followed.
 * <p>
 * Which era each remote server speaks (MCP 2026-07-28 or 2025-11-25, found with {@code server/discover}) is kept
 * here, per endpoint, for the life of the application ({@link RemoteEras}).
 */
@ApplicationScoped
public class RemoteMcpServers {

    private HttpClient http;
    private Duration requestTimeout;
    private String clientName;
    private String clientVersion;
    private RemoteEras eras = new RemoteEras();
    private McpTelemetry telemetry = McpTelemetry.off();

    /** For CDI's client proxy only. */
    protected RemoteMcpServers() {
    }

    @Inject
    public RemoteMcpServers(RemoteConfig remote, ServerConfig server, McpTelemetry telemetry) {
        this(remote.connectTimeout(), remote.timeout(), server.name(), server.version());
        this.telemetry = telemetry;
    }

    /**
     * @param connectTimeout to open a connection (positive)
     * @param requestTimeout for one request's answer (positive)
     * @param clientName the {@code clientInfo} name sent at initialize
     * @param clientVersion the {@code clientInfo} version
     * @throws IllegalArgumentException naming the key when a duration is not positive
     */
    public RemoteMcpServers(Duration connectTimeout, Duration requestTimeout, String clientName,
            String clientVersion) {
        this.requestTimeout = positive("mcp.remote.timeout", requestTimeout);
        this.clientName = clientName;
        this.clientVersion = clientVersion;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(positive("mcp.remote.connect-timeout", connectTimeout))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * A client for the remote MCP server at {@code url}, authenticated with the caller's {@code credential} for it.
     * It connects on first use. Use it for this one call; do not keep it across callers.
     *
     * @param targetName the logical target name, shown in the user's error messages ("crm")
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
     */
    public RemoteMcpServer open(String targetName, URI url, DownstreamCredential credential) {
        return open(targetName, url, credential, Optional.empty());
    }

    /**
     * {@link #open(String, URI, DownstreamCredential)} for an MCP request with a trace context: every HTTP request to
     * the remote server carries it as W3C {@code traceparent}/{@code tracestate} headers; when OpenTelemetry records
     * the request, each is a CLIENT span ({@link McpTelemetry#send}) and carries that span's context instead.
     */
    public RemoteMcpServer open(String targetName, URI url, DownstreamCredential credential,
            Optional<TraceContext> trace) {
        return new StreamableHttpRemoteMcpServer(targetName, url, credential, http, requestTimeout, clientName,
                clientVersion, eras, trace, telemetry);
    }

    HttpClient httpClient() {
        return http;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    private static Duration positive(String key, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive ISO-8601 duration such as PT15S, not "
                    + duration);
        }
        return duration;
    }
}
