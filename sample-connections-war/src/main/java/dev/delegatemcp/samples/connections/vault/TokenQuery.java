package dev.delegatemcp.samples.connections.vault;

import java.util.List;
import java.util.Objects;

/**
 * Which stored token to fetch: the four Descope fetch operations (user/tenant, by scopes/latest).
 *
 * @param appId        the app
 * @param level        user or tenant token
 * @param userId       the user (user level), else null
 * @param tenantId     the tenant: required at tenant level; at user level optional (see {@link TokenStore#fetch})
 * @param scopes       the scopes the token must grant; null = the latest token, whatever its scopes
 * @param forceRefresh rotate the access token even when it has not expired
 */
public record TokenQuery(String appId, ConnectionLevel level, String userId, String tenantId, List<String> scopes,
        boolean forceRefresh) {

    public TokenQuery {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(level, "level");
        if (level == ConnectionLevel.USER) {
            Objects.requireNonNull(userId, "userId");
        } else {
            Objects.requireNonNull(tenantId, "tenantId");
        }
        scopes = scopes == null ? null : List.copyOf(scopes);
    }

    public static TokenQuery userByScopes(String appId, String userId, String tenantId, List<String> scopes,
            boolean forceRefresh) {
        return new TokenQuery(appId, ConnectionLevel.USER, userId, tenantId, Objects.requireNonNull(scopes),
                forceRefresh);
    }

    public static TokenQuery userLatest(String appId, String userId, String tenantId, boolean forceRefresh) {
        return new TokenQuery(appId, ConnectionLevel.USER, userId, tenantId, null, forceRefresh);
    }

    public static TokenQuery tenantByScopes(String appId, String tenantId, List<String> scopes, boolean forceRefresh) {
        return new TokenQuery(appId, ConnectionLevel.TENANT, null, tenantId, Objects.requireNonNull(scopes),
                forceRefresh);
    }

    public static TokenQuery tenantLatest(String appId, String tenantId, boolean forceRefresh) {
        return new TokenQuery(appId, ConnectionLevel.TENANT, null, tenantId, null, forceRefresh);
    }

    /** Whether {@code token} is one this query may return. */
    boolean matches(StoredToken token) {
        if (!token.appId().equals(appId) || token.level() != level) {
            return false;
        }
        boolean owner = level == ConnectionLevel.USER
                ? token.userId().equals(userId) && (tenantId == null || token.tenantId() == null
                        || token.tenantId().equals(tenantId))
                : token.tenantId().equals(tenantId);
        return owner && (scopes == null || token.grants(scopes));
    }
}
