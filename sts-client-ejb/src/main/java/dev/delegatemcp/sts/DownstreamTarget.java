package dev.delegatemcp.sts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.delegatemcp.api.DownstreamCredential;

import org.eclipse.microprofile.config.Config;

/**
 * What the STS needs for one logical downstream target, from MP Config keys {@code mcp.downstream.<name>.*}:
 * <ul>
 * <li>{@code resource}: the {@code resource} parameter (Descope: resource URL or connection id)</li>
 * <li>{@code audience}: {@code audience} parameters, comma separated (Keycloak: the target client)</li>
 * <li>{@code scopes}: default scopes, comma separated, when the tool names none</li>
 * <li>{@code credential-type}: {@code bearer} (default) or {@code api-key}</li>
 * <li>{@code api-key-header}: the header an API key is sent in (default {@code X-API-Key})</li>
 * <li>{@code tenant-parameter}: the form parameter carrying the tenant for tenant-level targets (default
 * {@code tenantId})</li>
 * <li>{@code parameters}: extra form parameters, {@code name=value} pairs, comma separated</li>
 * </ul>
 * At least one of {@code resource} and {@code audience} must be set.
 */
public record DownstreamTarget(String name, String resource, List<String> audiences, List<String> defaultScopes,
        DownstreamCredential.Type credentialType, String apiKeyHeader, String tenantParameter,
        Map<String, String> parameters) {

    public static final String PREFIX = "mcp.downstream.";

    /** @throws IllegalArgumentException naming the missing or invalid key */
    public static DownstreamTarget fromConfig(Config config, String name) {
        String prefix = PREFIX + name + ".";
        String resource = config.getOptionalValue(prefix + "resource", String.class).filter(v -> !v.isBlank())
                .orElse(null);
        List<String> audiences = list(config, prefix + "audience");
        if (resource == null && audiences.isEmpty()) {
            throw new IllegalArgumentException("downstream target '" + name + "' is not configured: set " + prefix
                    + "resource and/or " + prefix + "audience");
        }
        String type = config.getOptionalValue(prefix + "credential-type", String.class).orElse("bearer").trim();
        DownstreamCredential.Type credentialType = switch (type.toLowerCase()) {
            case "bearer" -> DownstreamCredential.Type.BEARER;
            case "api-key" -> DownstreamCredential.Type.API_KEY;
            default -> throw new IllegalArgumentException(prefix + "credential-type must be bearer or api-key, not " + type);
        };
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : list(config, prefix + "parameters")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(prefix + "parameters must be name=value pairs, not " + pair);
            }
            parameters.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return new DownstreamTarget(name, resource, audiences, list(config, prefix + "scopes"), credentialType,
                config.getOptionalValue(prefix + "api-key-header", String.class).orElse("X-API-Key"),
                config.getOptionalValue(prefix + "tenant-parameter", String.class).orElse("tenantId"),
                Map.copyOf(parameters));
    }

    private static List<String> list(Config config, String key) {
        Optional<String> value = config.getOptionalValue(key, String.class);
        return value.map(v -> List.of(v.split(","))).orElse(List.of()).stream().map(String::trim)
                .filter(v -> !v.isEmpty()).toList();
    }
}
