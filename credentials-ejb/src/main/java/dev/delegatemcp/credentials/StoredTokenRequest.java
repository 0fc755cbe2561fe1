package dev.delegatemcp.credentials;

import java.util.List;
import java.util.Objects;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.interaction.TraceContext;

/**
 * A request for a stored token at the token vault (sent as a {@link VaultTokenQuery}).
 *
 * @param appId the outbound app
 * @param level user or tenant token
 * @param userId the user (the inbound token's subject); required for user tokens
 * @param tenantId the tenant; required for tenant tokens
 * @param scopes the scopes the token must hold; empty asks for the latest token
 * @param forceRefresh have the vault refresh the provider token first (after the downstream rejected it)
 * @param trace the W3C trace context to send as {@code traceparent}/{@code tracestate} headers, or null
 */
public record StoredTokenRequest(String appId, Downstream.Level level, String userId, String tenantId,
        List<String> scopes, boolean forceRefresh, TraceContext trace) {

    public StoredTokenRequest {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(level, "level");
        if (level == Downstream.Level.USER) {
            Objects.requireNonNull(userId, "userId");
        } else {
            Objects.requireNonNull(tenantId, "tenantId");
        }
        scopes = List.copyOf(scopes);
    }

    /** A request without trace context. */
    public StoredTokenRequest(String appId, Downstream.Level level, String userId, String tenantId,
            List<String> scopes, boolean forceRefresh) {
        this(appId, level, userId, tenantId, scopes, forceRefresh, null);
    }
}
