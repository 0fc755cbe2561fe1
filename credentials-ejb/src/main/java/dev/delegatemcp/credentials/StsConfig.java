package dev.delegatemcp.credentials;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MP Config keys {@code mcp.sts.*}: this server as an OAuth client of the STS (RFC 6749 token endpoint, RFC 8693
 * token exchange). Each key and its default is declared here only; the demo's values are in {@code server.xml}.
 * A CDI bean with typed {@code @ConfigProperty} fields rather than an MP Config {@code @ConfigProperties} class: on
 * Liberty (mpConfig-3.1) the latter's mapping is not found (SRCFG00027) when a request thread of the WAR first creates
 * the EJB. CDI beans inject it; the EJBs fill it with {@link ConfigBinding} (see there why).
 */
@Dependent
public class StsConfig {

    /** {@code mcp.sts.token-endpoint}: the STS token endpoint, an absolute URL. */
    @Inject
    @ConfigProperty(name = "mcp.sts.token-endpoint",
            defaultValue = "http://localhost:8180/realms/mcp-demo/protocol/openid-connect/token")
    URI tokenEndpoint;

    /** {@code mcp.sts.client-id}: this server's client id at the STS (HTTP Basic user; audit records). */
    @Inject
    @ConfigProperty(name = "mcp.sts.client-id", defaultValue = "mcp-server")
    String clientId;

    /** {@code mcp.sts.client-secret}: its secret, from the environment ({@code MCP_STS_CLIENT_SECRET}); never logged. */
    @Inject
    @ConfigProperty(name = "mcp.sts.client-secret")
    Optional<String> clientSecret;

    /** {@code mcp.sts.connect-timeout}: time limit for opening the connection (ISO-8601 duration). */
    @Inject
    @ConfigProperty(name = "mcp.sts.connect-timeout", defaultValue = "PT2S")
    Duration connectTimeout;

    /** {@code mcp.sts.read-timeout}: time limit for the answer (ISO-8601 duration). */
    @Inject
    @ConfigProperty(name = "mcp.sts.read-timeout", defaultValue = "PT5S")
    Duration readTimeout;

    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    public String clientId() {
        return clientId;
    }

    /** The secret, trimmed; empty when not set. */
    public String clientSecret() {
        return clientSecret.map(String::trim).orElse("");
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public String toString() {
        return "StsConfig[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret.isPresent() ? "***" : "(none)") + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
