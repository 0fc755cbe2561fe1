package dev.delegatemcp.server.downstream;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.server.remote.RemoteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Callers the token vault said, a moment ago, have not connected a target: so that listing tools, which an agent may
 * do often, does not ask the vault (and write an audit line) on every request. Only listing consults it; a tool call
 * always asks the vault, so a user who has just connected is served at once, and any credential obtained for the
 * caller and target makes it forget at once.
 *
 * <p>Shapes: keyed by subject, target and level; an entry lives {@code mcp.remote.not-connected-ttl} (ISO-8601
 * duration, default {@code PT30S}); at most {@code mcp.remote.not-connected-max-entries} (default 10000) entries,
 * Caffeine's eviction choosing which go past that. One caller adds at most one entry per target.
 */
@ApplicationScoped
public class NotConnectedCallers {

    private record Key(String subject, String target, Downstream.Level level) {
    }

    private final Cache<Key, Boolean> remembered;

    @Inject
    public NotConnectedCallers(RemoteConfig config) {
        this(config.notConnectedTtl(), config.notConnectedMaxEntries(), Ticker.systemTicker());
    }

    NotConnectedCallers(Duration ttl, long maxEntries, Ticker ticker) {
        this.remembered = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).ticker(ticker)
                .executor(Runnable::run).build();
    }

    /** For CDI's client proxy only. */
    protected NotConnectedCallers() {
        this.remembered = null;
    }

    /**
     * This instance itself, not the client proxy this is called through: for {@link CallerCredentials}, which tells
     * it of every credential obtained from inside the {@code @Downstream} interceptor, where each call through the
     * proxy also looks the instance up and pushes and pops Weld's interception stack (JFR: 0.2-0.3 % of CPU on a
     * {@code @Downstream} tool). A supplier, because Weld's proxy answers itself for a method that returns
     * {@code this}. Safe to keep: the bean lives as long as the application. Calls through it bypass any
     * interceptor or decorator a later change might add to this bean.
     */
    public Supplier<NotConnectedCallers> instance() {
        return () -> this;
    }

    /** The vault said the caller has not connected the target. */
    public void remember(String subject, String target, Downstream.Level level) {
        remembered.put(new Key(subject, target, level), Boolean.TRUE);
    }

    /** Whether the vault said so within the time to live, and no credential was obtained since. */
    public boolean isRemembered(String subject, String target, Downstream.Level level) {
        return remembered.getIfPresent(new Key(subject, target, level)) != null;
    }

    /** A credential was obtained for the caller and target: they are connected now. */
    public void forget(String subject, String target, Downstream.Level level) {
        if (remembered.estimatedSize() > 0) {
            remembered.invalidate(new Key(subject, target, level));
        }
    }
}
