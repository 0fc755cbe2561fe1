package dev.delegatemcp.credentials;

import java.time.Duration;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** MP Config keys {@code mcp.credentials.cache.*}: the bounds and lifetimes of the {@link CredentialCache}. */
@Dependent // typed @ConfigProperty fields, not @ConfigProperties: see StsConfig
public class CredentialCacheConfig {

    /** {@code mcp.credentials.cache.max-entries}: cached credentials at most. */
    @Inject
    @ConfigProperty(name = "mcp.credentials.cache.max-entries", defaultValue = "10000")
    int maxEntries;

    /** {@code mcp.credentials.cache.max-entries-per-subject}: cached credentials of one user at most. */
    @Inject
    @ConfigProperty(name = "mcp.credentials.cache.max-entries-per-subject", defaultValue = "100")
    int maxEntriesPerSubject;

    /** {@code mcp.credentials.cache.expiry-skew}: a credential is not served this long before it expires. */
    @Inject
    @ConfigProperty(name = "mcp.credentials.cache.expiry-skew", defaultValue = "PT30S")
    Duration expirySkew;

    /** {@code mcp.credentials.cache.default-lifetime}: lifetime of a credential whose expiry was not given. */
    @Inject
    @ConfigProperty(name = "mcp.credentials.cache.default-lifetime", defaultValue = "PT60S")
    Duration defaultLifetime;

    public int maxEntries() {
        return maxEntries;
    }

    public int maxEntriesPerSubject() {
        return maxEntriesPerSubject;
    }

    public Duration expirySkew() {
        return expirySkew;
    }

    public Duration defaultLifetime() {
        return defaultLifetime;
    }
}
