package dev.delegatemcp.server.security;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server as an OAuth protected resource, keys under {@code mcp.} : its resource identifier, the scopes it advertises and where tokens carry the tenant.
 */
@Dependent
public class SecurityConfig {

    /**
     * {@code mcp.server.resource}: this server's canonical URL (RFC 8707 resource, RFC 9728 {@code resource}); the
     * audience inbound tokens must carry. Required.
     */
    @Inject
    @ConfigProperty(name = "mcp.server.resource")
    URI resource;

    /** {@code mcp.oauth.scopes-supported}: the scopes a client may ask for (comma separated); absent for none. */
    @Inject
    @ConfigProperty(name = "mcp.oauth.scopes-supported")
    Optional<List<String>> scopesSupported;

    /** {@code mcp.security.tenant-claim}: the access-token claim that names the caller's tenant. */
    @Inject
    @ConfigProperty(name = "mcp.security.tenant-claim", defaultValue = "tenant")
    String tenantClaim;

    public URI resource() {
        return resource;
    }

    public List<String> scopesSupported() {
        return scopesSupported.orElse(List.of());
    }

    public String tenantClaim() {
        return tenantClaim;
    }
}
