package dev.delegatemcp.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This server's own access token at the STS (client credentials), with the scopes the token vault asks for
 * ({@code mcp.outbound.access-token-scopes}, default {@code outbound.token.fetch}). Kept until shortly before it
 * expires, or until the vault rejects it. A singleton EJB with a write lock: one grant at a time, shared by all callers.
 */
@Singleton
@Lock(LockType.WRITE)
public class ServerAccessToken {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(1);

    @EJB
    TokenExchangeClient sts;

    /** Read at construction ({@link ConfigBinding}: not injected, see there). */
    TokenVaultConfig config;

    @PostConstruct
    void init() {
        config = ConfigBinding.bind(TokenVaultConfig.class, ConfigProvider.getConfig());
    }

    Clock clock = Clock.systemUTC();

    private String token;
    private Instant refreshAt = Instant.MIN;

    /** A live token, obtained when there is none. @throws CredentialException when the STS refuses or is down */
    public String get() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(refreshAt)) {
            IssuedToken fresh = sts.clientCredentials(config.accessTokenScopes());
            Duration lifetime = fresh.expiresIn() == null ? UNKNOWN_LIFETIME : fresh.expiresIn().minus(SKEW);
            token = fresh.accessToken();
            refreshAt = now.plus(lifetime.isNegative() ? Duration.ZERO : lifetime);
        }
        return token;
    }

    /** Forgets the token (the API rejected it); the next {@link #get()} obtains a new one. */
    public void invalidate() {
        token = null;
    }
}
