package dev.delegatemcp.samples.connections.vault;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One token in the vault, as it is now (a rotation replaces the record; {@link #id()} stays). Holds secrets:
 * {@link #toString()} leaves them out, so a stored token may be logged.
 *
 * @param id              the token's id in the vault (stable across rotations)
 * @param sequence        creation order in the store: the higher, the newer
 * @param appId           the app the token is for ("crm")
 * @param level           user or tenant token
 * @param userId          the owning user's subject (user level), else null
 * @param tenantId        the tenant: the owner (tenant level), or the tenant the user connected in (may be null)
 * @param scopes          the scopes granted
 * @param accessToken     the current access token value (secret)
 * @param accessTokenExpiry when the current access token stops being valid
 * @param refreshToken    the refresh token (secret)
 * @param lastRefreshTime when the current access token was minted
 * @param grantedBy       the subject of the user who connected it
 */
public record StoredToken(String id, long sequence, String appId, ConnectionLevel level, String userId,
        String tenantId, List<String> scopes, String accessToken, Instant accessTokenExpiry,
        String refreshToken, Instant lastRefreshTime, String grantedBy) {

    public StoredToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessTokenExpiry, "accessTokenExpiry");
        scopes = List.copyOf(scopes);
    }

    /** Whether the current access token has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(accessTokenExpiry);
    }

    /** Whether the token was granted every one of {@code requested}. */
    public boolean grants(List<String> requested) {
        return scopes.containsAll(requested);
    }

    /** The same token with a new access token value, expiry and refresh time. */
    StoredToken rotated(String newAccessToken, Instant newExpiry, Instant refreshedAt) {
        return new StoredToken(id, sequence, appId, level, userId, tenantId, scopes, newAccessToken, newExpiry,
                refreshToken, refreshedAt, grantedBy);
    }

    @Override
    public String toString() {
        return "StoredToken[id=" + id + ", appId=" + appId + ", level=" + level.wireName() + ", userId=" + userId
                + ", tenantId=" + tenantId + ", scopes=" + scopes + ", accessTokenExpiry=" + accessTokenExpiry
                + ", lastRefreshTime=" + lastRefreshTime + ", grantedBy=" + grantedBy + "]";
    }
}
