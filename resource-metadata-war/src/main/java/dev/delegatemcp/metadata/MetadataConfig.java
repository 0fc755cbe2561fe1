package dev.delegatemcp.metadata;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import dev.delegatemcp.web.cors.OriginAllowList;
import jakarta.enterprise.context.Dependent;

import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the Protected Resource Metadata says (RFC 9728 section 2), keys under {@code mcp.} (MicroProfile Config 3.1
 * {@code @ConfigProperties}); the same keys as the MCP server module's, which is deployed beside this one.
 */
@ConfigProperties(prefix = "mcp")
@Dependent
public class MetadataConfig {

    /** {@code mcp.server.resource}: the MCP server's canonical URL ({@code resource}). Required. */
    @ConfigProperty(name = "server.resource")
    URI resource;

    /** {@code mcp.oauth.authorization-servers}: issuer URLs ({@code authorization_servers}), comma separated. */
    @ConfigProperty(name = "oauth.authorization-servers")
    List<String> authorizationServers;

    /** {@code mcp.oauth.scopes-supported}: {@code scopes_supported}; absent for none. */
    @ConfigProperty(name = "oauth.scopes-supported")
    Optional<List<String>> scopesSupported;

    /** {@code mcp.oauth.bearer-methods-supported}: {@code bearer_methods_supported}. */
    @ConfigProperty(name = "oauth.bearer-methods-supported", defaultValue = "header")
    List<String> bearerMethodsSupported;

    /** {@code mcp.server.title}: {@code resource_name}; absent for none. */
    @ConfigProperty(name = "server.title")
    Optional<String> title;

    /** {@code mcp.transport.allowed-origins}: origins a browser may read the document from. */
    @ConfigProperty(name = "transport.allowed-origins", defaultValue = OriginAllowList.DEFAULT)
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
