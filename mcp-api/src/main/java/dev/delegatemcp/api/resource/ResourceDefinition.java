package dev.delegatemcp.api.resource;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A resource added while the server runs ({@link McpResources#add}): what {@code resources/list} shows of it and the
 * scopes it needs, as {@link McpResource} declares them for a method.
 *
 * @param uri its URI: absolute (RFC 3986, with a scheme), ASCII
 * @param name its name (a programmatic identifier)
 * @param title a display name, or null
 * @param description what it is, for the model, or null
 * @param mimeType its MIME type, or null when unknown
 * @param size its raw size in bytes, or null when unknown
 * @param scopes OAuth scopes the caller's token must carry to see, read and subscribe to it
 */
public record ResourceDefinition(String uri, String name, String title, String description, String mimeType, Long size,
        Set<String> scopes) {

    public ResourceDefinition {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** A resource with only a URI and a name. */
    public static ResourceDefinition of(String uri, String name) {
        return new ResourceDefinition(uri, name, null, null, null, null, Set.of());
    }

    public ResourceDefinition withTitle(String title) {
        return new ResourceDefinition(uri, name, title, description, mimeType, size, scopes);
    }

    public ResourceDefinition withDescription(String description) {
        return new ResourceDefinition(uri, name, title, description, mimeType, size, scopes);
    }

    public ResourceDefinition withMimeType(String mimeType) {
        return new ResourceDefinition(uri, name, title, description, mimeType, size, scopes);
    }

    public ResourceDefinition withSize(Long size) {
        return new ResourceDefinition(uri, name, title, description, mimeType, size, scopes);
    }

    public ResourceDefinition withScopes(String... scopes) {
        return new ResourceDefinition(uri, name, title, description, mimeType, size, Set.copyOf(List.of(scopes)));
    }
}
