package dev.delegatemcp.server.security;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Builds the {@code WWW-Authenticate} values MCP requires (RFC 6750 + RFC 9728): every challenge names this
 * server's Protected Resource Metadata and the scopes needed.
 */
@ApplicationScoped
public class BearerChallenge {

    private final String resourceMetadataUrl;
    private final List<String> scopesSupported;

    @Inject
    public BearerChallenge(SecurityConfig config) {
        this(config.resource().toString(), config.scopesSupported());
    }

    /** @param resource this server's resource identifier; @param scopesSupported the scopes it advertises */
    public BearerChallenge(String resource, List<String> scopesSupported) {
        this.resourceMetadataUrl = resourceMetadataUrl(resource);
        this.scopesSupported = scopesSupported.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** For CDI proxies only. */
    protected BearerChallenge() {
        this.resourceMetadataUrl = null;
        this.scopesSupported = List.of();
    }

    /**
     * The RFC 9728 metadata URL of a resource: {@code /.well-known/oauth-protected-resource} inserted between the
     * resource's authority and its path.
     */
    public static String resourceMetadataUrl(String resource) {
        URI uri = URI.create(resource);
        String path = uri.getRawPath() == null || "/".equals(uri.getRawPath()) ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/.well-known/oauth-protected-resource" + path + query;
    }

    public String resourceMetadataUrl() {
        return resourceMetadataUrl;
    }

    /**
     * Whether an {@code Authorization} header value presents a bearer token: the scheme {@code Bearer} (any case,
     * RFC 9110 section 11.1) followed by a non-empty credential. No header, another scheme (Basic, ...) or an empty
     * credential is a request without authentication information in the sense of RFC 6750 section 3.1.
     */
    public static boolean presentsBearerToken(String authorization) {
        if (authorization == null) {
            return false;
        }
        String value = authorization.strip();
        return value.length() > 7 && value.regionMatches(true, 0, "Bearer", 0, 6)
                && Character.isWhitespace(value.charAt(6)) && !value.substring(7).isBlank();
    }

    /**
     * The challenge of a 401. RFC 6750 section 3.1: a request that lacks authentication information gets no error
     * code ({@code tokenPresented == false}); a bearer token that was sent and refused gets
     * {@code error="invalid_token"}.
     */
    public String unauthorized(boolean tokenPresented) {
        StringBuilder value = new StringBuilder("Bearer resource_metadata=\"").append(resourceMetadataUrl).append('"');
        if (!scopesSupported.isEmpty()) {
            value.append(", scope=\"").append(String.join(" ", scopesSupported)).append('"');
        }
        if (tokenPresented) {
            value.append(", error=\"invalid_token\", error_description=\"").append(AuthChallengeServlet.INVALID_TOKEN)
                    .append('"');
        }
        return value.toString();
    }

    /** For a valid token that lacks scopes: step-up authorization. */
    public String insufficientScope(Collection<String> neededScopes, String description) {
        return "Bearer error=\"insufficient_scope\", scope=\"" + String.join(" ", new TreeSet<>(neededScopes))
                + "\", resource_metadata=\"" + resourceMetadataUrl + "\", error_description=\""
                + description.replace("\"", "'") + "\"";
    }
}
