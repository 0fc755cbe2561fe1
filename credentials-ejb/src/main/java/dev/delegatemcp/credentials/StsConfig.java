package dev.delegatemcp.credentials;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;

import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MP Config keys {@code mcp.sts.*}: this server as an OAuth client of the STS (RFC 6749 token endpoint, RFC 8693
 * token exchange). Each key is declared here only; defaults of the deployment are in {@code server.xml}.
 * {@code @Dependent}: the EJB jar is an implicit bean archive, where a class needs a bean-defining annotation to be
 * discovered as the {@code @ConfigProperties} bean.
 */
@Dependent
@ConfigProperties(prefix = "mcp.sts")
public class StsConfig {

    /** {@code mcp.sts.token-endpoint}: the STS token endpoint, an absolute URL. */
    @ConfigProperty(name = "token-endpoint", defaultValue = "http://localhost:8180/realms/mcp-demo/protocol/openid-connect/token")
    URI tokenEndpoint;

    /** {@code mcp.sts.client-id}: this server's client id at the STS (HTTP Basic user; audit records). */
    @ConfigProperty(name = "client-id", defaultValue = "mcp-server")
    String clientId;

    /** {@code mcp.sts.client-secret}: its secret, from the environment ({@code MCP_STS_CLIENT_SECRET}); never logged. */
    @ConfigProperty(name = "client-secret")
    Optional<String> clientSecret;

    /** {@code mcp.sts.connect-timeout}: time limit for opening the connection (ISO-8601 duration). */
    @ConfigProperty(name = "connect-timeout", defaultValue = "PT2S")
    Duration connectTimeout;

    /** {@code mcp.sts.read-timeout}: time limit for the answer (ISO-8601 duration). */
    @ConfigProperty(name = "read-timeout", defaultValue = "PT5S")
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
