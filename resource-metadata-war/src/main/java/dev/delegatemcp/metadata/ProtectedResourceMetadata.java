package dev.delegatemcp.metadata;

import java.net.URI;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/**
 * The RFC 9728 Protected Resource Metadata document of the MCP server, and the well-known paths it is served at.
 *
 * @param resource the MCP server's canonical URL (the token audience)
 * @param authorizationServers issuer URLs of the authorization servers clients should use
 * @param scopesSupported scopes clients may request
 * @param bearerMethodsSupported how tokens may be presented (only "header" is accepted)
 * @param resourceName a human-readable name, or empty
 */
public record ProtectedResourceMetadata(String resource, List<String> authorizationServers,
        List<String> scopesSupported,
        List<String> bearerMethodsSupported, String resourceName) {

    /** Looked up once: {@code Json.createXxx} looks the provider up again on every call (a class-loader lock). */
    private static final JsonProvider JSON = JsonProvider.provider();

    public ProtectedResourceMetadata {
        authorizationServers = clean(authorizationServers);
        scopesSupported = clean(scopesSupported).stream().filter(s -> !"offline_access".equals(s)).toList();
        bearerMethodsSupported = clean(bearerMethodsSupported);
    }

    /**
     * Whether this document answers a request for the given path below {@code /.well-known/oauth-protected-resource}:
     * the root form ({@code ""} or {@code "/"}) or the path form ({@code "/<resource path>"}).
     */
    public boolean servesPath(String pathInfo) {
        if (pathInfo == null || pathInfo.isEmpty() || "/".equals(pathInfo)) {
            return true;
        }
        String resourcePath = URI.create(resource).getRawPath();
        return pathInfo.equals(resourcePath);
    }

    public JsonObject toJson() {
        var json = JSON.createObjectBuilder()
                .add("resource", resource)
                .add("authorization_servers", array(authorizationServers))
                .add("scopes_supported", array(scopesSupported))
                .add("bearer_methods_supported", array(bearerMethodsSupported));
        if (resourceName != null && !resourceName.isBlank()) {
            json.add("resource_name", resourceName.trim());
        }
        return json.build();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static List<String> clean(List<String> values) {
        return values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
