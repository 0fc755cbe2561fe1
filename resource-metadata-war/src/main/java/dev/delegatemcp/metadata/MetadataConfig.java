package dev.delegatemcp.metadata;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import dev.delegatemcp.web.cors.OriginAllowList;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the Protected Resource Metadata says (RFC 9728 section 2), keys under {@code mcp.} ; the same keys as the MCP server module's, which is deployed beside this one.
 */
@Dependent
public class MetadataConfig {

    /** {@code mcp.server.resource}: the MCP server's canonical URL ({@code resource}). Required. */
    @Inject
    @ConfigProperty(name = "mcp.server.resource")
    URI resource;

    /** {@code mcp.oauth.authorization-servers}: issuer URLs ({@code authorization_servers}), comma separated. */
    @Inject
    @ConfigProperty(name = "mcp.oauth.authorization-servers")
    List<String> authorizationServers;

    /** {@code mcp.oauth.scopes-supported}: {@code scopes_supported}; absent for none. */
    @Inject
    @ConfigProperty(name = "mcp.oauth.scopes-supported")
    Optional<List<String>> scopesSupported;

    /** {@code mcp.oauth.bearer-methods-supported}: {@code bearer_methods_supported}. */
    @Inject
    @ConfigProperty(name = "mcp.oauth.bearer-methods-supported", defaultValue = "header")
    List<String> bearerMethodsSupported;

    /** {@code mcp.server.title}: {@code resource_name}; absent for none. */
    @Inject
    @ConfigProperty(name = "mcp.server.title")
    Optional<String> title;

    /** {@code mcp.transport.allowed-origins}: origins a browser may read the document from. */
    @Inject
    @ConfigProperty(name = "mcp.transport.allowed-origins", defaultValue = OriginAllowList.DEFAULT)
    List<String> allowedOrigins;

    /** The document these settings describe. */
    public ProtectedResourceMetadata metadata() {
        return new ProtectedResourceMetadata(resource.toString(), authorizationServers,
                scopesSupported.orElse(List.of()), bearerMethodsSupported, title.orElse(null));
    }

    public List<String> allowedOrigins() {
        return allowedOrigins;
    }
}
