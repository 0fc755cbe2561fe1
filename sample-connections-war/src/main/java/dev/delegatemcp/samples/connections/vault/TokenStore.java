package dev.delegatemcp.samples.connections.vault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token vault: the tokens users and tenants connected, shared by the vault API, the connect endpoint and the
 * remote MCP servers. In memory (a demo: a restart forgets every connection).
 *
 * <ul>
 * <li>User tokens belong to (app, user), and to the tenant the user connected in when there was one. Tenant tokens
 * belong to (app, tenant). Several tokens with different scopes may coexist for one owner and app.</li>
 * <li>Fetching "by scopes" returns the newest token granting all the requested scopes; "latest" the newest one.
 * A user query naming a tenant skips tokens connected in another tenant; one naming none sees all the user's
 * tokens.</li>
 * <li>Like Descope, a fetch refreshes: an expired access token, or any with {@code forceRefresh}, is rotated (new
 * value, new expiry, new refresh time) before it is returned. The old value stops being valid at once.</li>
 * </ul>
 */
@ApplicationScoped
public class TokenStore {

    private Clock clock;
    private Duration lifetime;
    private AccessTokenMinter minter;

    /** By vault id. */
    private final Map<String, StoredToken> tokens = new HashMap<>();
    /** Current access token value to vault id: the remote servers' lookup. */
    private final Map<String, String> idByAccessToken = new HashMap<>();
    private long nextSequence;

    /** For CDI's proxy only. */
    protected TokenStore() {
    }

    @Inject
    public TokenStore(
            @ConfigProperty(name = "samples.vault.token-lifetime", defaultValue = "PT10M") Duration lifetime) {
        this(lifetime, Clock.systemUTC());
    }

    public TokenStore(Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("samples.vault.token-lifetime must be positive, was " + lifetime);
        }
        this.lifetime = lifetime;
        this.clock = Objects.requireNonNull(clock);
        this.minter = new AccessTokenMinter();
    }

    /** Stores a new token for a user (tenantId: the tenant the user connected in, or null). */
    public synchronized StoredToken connectUser(String appId, String userId, String tenantId, List<String> scopes,
            String grantedBy) {
        return store(appId, ConnectionLevel.USER, Objects.requireNonNull(userId, "userId"), tenantId, scopes,
                grantedBy);
    }

    /** Stores a new token for a whole tenant, connected by {@code grantedBy}. */
    public synchronized StoredToken connectTenant(String appId, String tenantId, List<String> scopes,
            String grantedBy) {
        return store(appId, ConnectionLevel.TENANT, null, Objects.requireNonNull(tenantId, "tenantId"), scopes,
                grantedBy);
    }

    /** Removes all of a user's tokens for an app (in every tenant); answers how many. */
    public synchronized int disconnectUser(String appId, String userId) {
        return remove(token -> token.appId().equals(appId) && token.level() == ConnectionLevel.USER
                && token.userId().equals(userId));
    }

    /** Removes all of a tenant's tenant-level tokens for an app; answers how many. */
    public synchronized int disconnectTenant(String appId, String tenantId) {
        return remove(token -> token.appId().equals(appId) && token.level() == ConnectionLevel.TENANT
                && token.tenantId().equals(tenantId));
    }

    /**
     * The newest token the query matches, rotated first when it has expired or the query forces a refresh; empty
     * when none matches.
     */
    public synchronized Optional<StoredToken> fetch(TokenQuery query) {
        Optional<StoredToken> newest = tokens.values().stream().filter(query::matches)
                .max(Comparator.comparingLong(StoredToken::sequence));
        return newest.map(token -> query.forceRefresh() || token.expiredAt(clock.instant()) ? rotate(token) : token);
    }

    /**
     * The stored token whose current access token is {@code accessToken}, if it was minted for {@code appId} and has
     * not expired. A rotated-away value, another app's token or anything else: empty.
     */
    public synchronized Optional<StoredToken> findLive(String appId, String accessToken) {
        if (accessToken == null) {
            return Optional.empty();
        }
        String id = idByAccessToken.get(accessToken);
        StoredToken token = id == null ? null : tokens.get(id);
        if (token == null || !token.appId().equals(appId) || token.expiredAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    private StoredToken store(String appId, ConnectionLevel level, String userId, String tenantId,
            List<String> scopes, String grantedBy) {
        Objects.requireNonNull(appId, "appId");
        Instant now = clock.instant();
        StoredToken token = new StoredToken(UUID.randomUUID().toString(), nextSequence++, appId, level, userId,
                tenantId, scopes, minter.mint(appId), now.plus(lifetime), minter.mint(appId + ".refresh"), now,
                grantedBy);
        tokens.put(token.id(), token);
        idByAccessToken.put(token.accessToken(), token.id());
        return token;
    }

    private StoredToken rotate(StoredToken token) {
        Instant now = clock.instant();
        StoredToken rotated = token.rotated(minter.mint(token.appId()), now.plus(lifetime), now);
        idByAccessToken.remove(token.accessToken());
        idByAccessToken.put(rotated.accessToken(), rotated.id());
        tokens.put(rotated.id(), rotated);
        return rotated;
    }

    private int remove(Predicate<StoredToken> which) {
        List<StoredToken> removed = new ArrayList<>(tokens.values().stream().filter(which).toList());
        for (StoredToken token : removed) {
            tokens.remove(token.id());
            idByAccessToken.remove(token.accessToken());
        }
        return removed.size();
    }
}
