package dev.delegatemcp.server.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.format.DateTimeParseException;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.RemoteMcpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens {@link RemoteMcpServer} clients, one per tool call, sharing one {@link HttpClient}.
 *
 * <p>
 * The client speaks HTTP/1.1 only: an HTTP/2 upgrade attempt over plain HTTP ({@code h2c}) to Liberty misbehaves. MP
 * Config: {@code mcp.remote.connect-timeout} (ISO-8601 duration, default {@code PT5S}) bounds connecting,
 * {@code mcp.remote.timeout} (default {@code PT15S}) each HTTP exchange; {@code mcp.server.name} and
 * {@code mcp.server.version} are the {@code clientInfo} sent on initialize. Redirects are not followed.
 */
@ApplicationScoped
public class RemoteMcpServers {

    private HttpClient http;
    private Duration requestTimeout;
    private String clientName;
    private String clientVersion;

    /** For CDI's client proxy only. */
    protected RemoteMcpServers() {
    }

    @Inject
    public RemoteMcpServers(
            @ConfigProperty(name = "mcp.remote.connect-timeout", defaultValue = "PT5S") String connectTimeout,
            @ConfigProperty(name = "mcp.remote.timeout", defaultValue = "PT15S") String requestTimeout,
            @ConfigProperty(name = "mcp.server.name", defaultValue = "delegate-mcp") String clientName,
            @ConfigProperty(name = "mcp.server.version", defaultValue = "0.1.0") String clientVersion) {
        this.requestTimeout = duration("mcp.remote.timeout", requestTimeout);
        this.clientName = clientName;
        this.clientVersion = clientVersion;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(duration("mcp.remote.connect-timeout", connectTimeout))
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
        return new StreamableHttpRemoteMcpServer(targetName, url, credential, http, requestTimeout, clientName,
                clientVersion);
    }

    HttpClient httpClient() {
        return http;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    private static Duration duration(String key, String value) {
        try {
            Duration duration = Duration.parse(value.strip());
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a positive ISO-8601 duration such as PT15S, not '"
                + value + "'");
    }
}
