package dev.delegatemcp.credentials;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.delegatemcp.api.DownstreamCredential;

import org.eclipse.microprofile.config.Config;

/**
 * What the server needs for one logical downstream target, from MP Config keys {@code mcp.downstream.<name>.*}:
 * <ul>
 * <li>{@code source}: where the credential comes from: {@code token-exchange} (default, RFC 8693 at the STS) or
 * {@code outbound-app} (a stored token fetched from the token vault, Descope Outbound Apps API)</li>
 * <li>{@code resource}: the {@code resource} parameter (Descope: resource URL or connection id)</li>
 * <li>{@code audience}: {@code audience} parameters, comma separated (Keycloak: the target client)</li>
 * <li>{@code app-id}: the outbound app id (default: the target name); outbound-app only</li>
 * <li>{@code scopes}: default scopes, comma separated, when the tool names none</li>
 * <li>{@code credential-type}: {@code bearer} (default) or {@code api-key}</li>
 * <li>{@code api-key-header}: the header an API key is sent in (default {@code X-API-Key})</li>
 * <li>{@code tenant-parameter}: the form parameter carrying the tenant for tenant-level exchanges (default
 * {@code tenantId})</li>
 * <li>{@code parameters}: extra form parameters, {@code name=value} pairs, comma separated</li>
 * <li>{@code connect-url}: where a user (or tenant admin) connects the service when no stored token exists; a
 * template with {@code {app}}, {@code {target}}, {@code {scopes}}, {@code {level}} and {@code {tenant}}
 * (default: {@code mcp.outbound.connect-url})</li>
 * <li>{@code mcp-url}: the address of the target when it is a remote MCP server</li>
 * </ul>
 * A token-exchange target needs {@code resource} and/or {@code audience}.
 */
public record DownstreamTarget(String name, Source source, String resource, List<String> audiences, String appId,
        List<String> defaultScopes, DownstreamCredential.Type credentialType, String apiKeyHeader,
        String tenantParameter, Map<String, String> parameters, Optional<String> connectUrl, Optional<URI> mcpUrl) {

    public static final String PREFIX = "mcp.downstream.";

    /** Where a target's credential comes from. */
    public enum Source {
        /** RFC 8693 token exchange at the STS. */
        TOKEN_EXCHANGE,
        /** A stored token from the token vault (connected by the user or the tenant's admin). */
        OUTBOUND_APP
    }

    /** @throws IllegalArgumentException naming the missing or invalid key */
    public static DownstreamTarget fromConfig(Config config, String name) {
        String prefix = PREFIX + name + ".";
        String sourceName = text(config, prefix + "source").orElse("token-exchange");
        Source source = switch (sourceName.toLowerCase()) {
            case "token-exchange" -> Source.TOKEN_EXCHANGE;
            case "outbound-app" -> Source.OUTBOUND_APP;
            default -> throw new IllegalArgumentException(
                    prefix + "source must be token-exchange or outbound-app, not " + sourceName);
        };
        String resource = text(config, prefix + "resource").orElse(null);
        List<String> audiences = list(config, prefix + "audience");
        if (source == Source.TOKEN_EXCHANGE && resource == null && audiences.isEmpty()) {
            throw new IllegalArgumentException("downstream target '" + name + "' is not configured: set " + prefix
                    + "resource and/or " + prefix + "audience (or " + prefix + "source=outbound-app)");
        }
        String type = text(config, prefix + "credential-type").orElse("bearer");
        DownstreamCredential.Type credentialType = switch (type.toLowerCase()) {
            case "bearer" -> DownstreamCredential.Type.BEARER;
            case "api-key" -> DownstreamCredential.Type.API_KEY;
            default ->
                throw new IllegalArgumentException(prefix + "credential-type must be bearer or api-key, not " + type);
        };
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : list(config, prefix + "parameters")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(prefix + "parameters must be name=value pairs, not " + pair);
            }
            parameters.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        Optional<URI> mcpUrl = text(config, prefix + "mcp-url").map(url -> absoluteHttpUrl(prefix + "mcp-url", url));
        Optional<String> connectUrl = text(config, prefix + "connect-url")
                .or(() -> text(config, TokenVaultConfig.CONNECT_URL));
        return new DownstreamTarget(name, source, resource, audiences, text(config, prefix + "app-id").orElse(name),
                list(config, prefix + "scopes"), credentialType,
                text(config, prefix + "api-key-header").orElse("X-API-Key"),
                text(config, prefix + "tenant-parameter").orElse("tenantId"), Map.copyOf(parameters), connectUrl,
                mcpUrl);
    }

    private static URI absoluteHttpUrl(String key, String value) {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw new IllegalArgumentException(key + " must be an absolute http(s) URL, not " + value);
    }

    private static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** An immutable list that {@code List.copyOf} hands back as it is ({@code Stream.toList()}'s is copied again). */
    private static List<String> list(Config config, String key) {
        Optional<String> value = config.getOptionalValue(key, String.class);
        return List.copyOf(value.map(v -> List.of(v.split(","))).orElse(List.of()).stream().map(String::trim)
                .filter(v -> !v.isEmpty()).toList());
    }
}
