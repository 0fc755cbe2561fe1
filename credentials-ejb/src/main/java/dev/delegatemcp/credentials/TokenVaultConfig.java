package dev.delegatemcp.credentials;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** MP Config keys {@code mcp.outbound.*}: the token vault (a service following Descope's Outbound Apps token API)
 * and how this server authenticates to it. Each key is declared here only ({@link #CONNECT_URL} too, which
 * {@link DownstreamTarget} reads per target); defaults of the deployment are in {@code server.xml}.
 */
@Dependent // typed @ConfigProperty fields, not @ConfigProperties: see StsConfig
public class TokenVaultConfig {

    /** The default connect URL template of targets without their own {@code connect-url}. */
    public static final String CONNECT_URL = "mcp.outbound.connect-url";

    /** How this server authenticates to the vault ({@code mcp.outbound.auth}). */
    public enum Auth {
        /** {@code access-token}: its own access token from the STS (client credentials); the vault's policies apply. */
        ACCESS_TOKEN,
        /** {@code management-key}: a management key from the environment; bypasses the vault's policies. */
        MANAGEMENT_KEY
    }

    /** {@code mcp.outbound.base-url}: the vault's base URL (Descope: {@code https://api.descope.com}). */
    @Inject
    @ConfigProperty(name = "mcp.outbound.base-url", defaultValue = "https://api.descope.com")
    URI baseUrl;

    /** {@code mcp.outbound.project-id}: the project id in the {@code Authorization} header. */
    @Inject
    @ConfigProperty(name = "mcp.outbound.project-id")
    Optional<String> projectId;

    /** {@code mcp.outbound.auth}: {@code access-token} (default) or {@code management-key}. */
    @Inject
    @ConfigProperty(name = "mcp.outbound.auth", defaultValue = "access-token")
    String auth;

    /** {@code mcp.outbound.management-key}: from the environment ({@code MCP_OUTBOUND_MANAGEMENT_KEY}); never logged. */
    @Inject
    @ConfigProperty(name = "mcp.outbound.management-key")
    Optional<String> managementKey;

    /** {@code mcp.outbound.access-token-scopes}: scopes of this server's own access token for the vault. */
    @Inject
    @ConfigProperty(name = "mcp.outbound.access-token-scopes", defaultValue = "outbound.token.fetch")
    List<String> accessTokenScopes;

    /** {@code mcp.outbound.connect-timeout}: time limit for opening the connection (ISO-8601 duration). */
    @Inject
    @ConfigProperty(name = "mcp.outbound.connect-timeout", defaultValue = "PT2S")
    Duration connectTimeout;

    /** {@code mcp.outbound.read-timeout}: time limit for the answer (ISO-8601 duration). */
    @Inject
    @ConfigProperty(name = "mcp.outbound.read-timeout", defaultValue = "PT5S")
    Duration readTimeout;

    public URI baseUrl() {
        return baseUrl;
    }

    /** The project id, trimmed; empty when not set. */
    public String projectId() {
        return projectId.map(String::trim).orElse("");
    }

    /**
     * The authentication mode, case and surrounding blanks ignored.
     *
     * @throws CredentialException {@code CLIENT_UNAUTHORIZED} (the set-up sentence for users) when it is neither mode
     */
    public Auth auth() {
        return switch (auth.trim().toLowerCase(Locale.ROOT)) {
            case "access-token" -> Auth.ACCESS_TOKEN;
            case "management-key" -> Auth.MANAGEMENT_KEY;
            default -> throw CredentialException.of(CredentialException.Reason.CLIENT_UNAUTHORIZED, null,
                    "mcp.outbound.auth must be access-token or management-key, not " + auth.trim());
        };
    }

    /** The management key, trimmed; empty when not set. */
    public String managementKey() {
        return managementKey.map(String::trim).orElse("");
    }

    public List<String> accessTokenScopes() {
        return accessTokenScopes;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public String toString() {
        return "TokenVaultConfig[baseUrl=" + baseUrl + ", projectId=" + projectId + ", auth=" + auth
                + ", managementKey=" + (managementKey.isPresent() ? "***" : "(none)") + ", accessTokenScopes="
                + accessTokenScopes + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
