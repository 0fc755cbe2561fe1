package dev.delegatemcp.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Exchanged credentials by key, each kept until its expiry minus a skew. Bounded: past {@code maxEntries}, expired
 * entries go first, then the least recently used; and per owner (the caller's subject): an owner past
 * {@code maxPerOwner} entries loses its own least recently used ones, so one user who brings many tokens cannot push
 * everybody else's credentials out. Single-flight: concurrent misses on one key wait for one load. A failed load is
 * not cached. Thread-safe.
 */
public final class CredentialCache {

    /**
     * A cached value, whether it came from the cache, and when the credential itself expires.
     *
     * @param expiresAt when the credential expires: the time it was requested plus the lifetime its issuer gave
     *        ({@code expires_in}, RFC 8693 section 2.2.1), the same on every hit; null when the issuer gave none
     */
    public record Lookup(IssuedToken token, boolean hit, Instant expiresAt) {
    }

    private static final class Entry {
        /** The subject the entry was obtained for; null for one shared by a tenant. */
        final String owner;
        final CompletableFuture<IssuedToken> value = new CompletableFuture<>();
        volatile long expiresAtMillis = Long.MAX_VALUE;
        /** The credential's own expiry (null: unknown); written before {@link #value} completes. */
        volatile Instant credentialExpiresAt;
        volatile long lastUsedMillis;

        Entry(String owner) {
            this.owner = owner;
        }

        boolean isUsableAt(long now) {
            return !value.isDone() || !value.isCompletedExceptionally() && now < expiresAtMillis;
        }
    }

    /** An entry that may be evicted, and when it was last used. */
    private record Candidate(CredentialKey key, long lastUsed) {
    }

    private final Map<CredentialKey, Entry> entries = new ConcurrentHashMap<>();
    /** Keys whose credential a downstream rejected and that are to be obtained afresh at their source. */
    private final Set<CredentialKey> rejected = ConcurrentHashMap.newKeySet();
    private final int maxEntries;
    private final int maxPerOwner;
    private final Duration skew;
    private final Duration defaultLifetime;
    private final Clock clock;

    /**
     * @param maxEntries entries at most
     * @param maxPerOwner entries of one owner at most
     * @param skew how long before the STS's expiry a credential stops being served
     * @param defaultLifetime how long to keep a credential whose expiry the STS did not give
     */
    public CredentialCache(int maxEntries, int maxPerOwner, Duration skew, Duration defaultLifetime, Clock clock) {
        this.maxEntries = maxEntries;
        this.maxPerOwner = maxPerOwner;
        this.skew = skew;
        this.defaultLifetime = defaultLifetime;
        this.clock = clock;
    }

    /** {@link #get(CredentialKey, String, Supplier, boolean)} for an entry that no single subject owns. */
    public Lookup get(CredentialKey key, Supplier<IssuedToken> loader, boolean forceRefresh) {
        return get(key, null, loader, forceRefresh);
    }

    /**
     * The cached credential for the key, or the one {@code loader} obtains (called once however many threads
     * miss at the same time). With {@code forceRefresh} a completed entry is replaced.
     *
     * @param owner the subject a new entry counts against, or null for one shared by a tenant
     * @throws RuntimeException whatever the loader threw
     */
    public Lookup get(CredentialKey key, String owner, Supplier<IssuedToken> loader, boolean forceRefresh) {
        long now = clock.millis();
        Entry cached = forceRefresh ? null : entries.get(key);
        if (cached != null && cached.isUsableAt(now)) {
            // The common case, without compute(): many callers of one key must not queue on its map bin. Nor
            // write to the entry when the millisecond has not changed: each write takes the entry's cache line
            // away from the other CPUs.
            if (cached.lastUsedMillis != now) {
                cached.lastUsedMillis = now;
            }
            return hit(cached);
        }
        Entry created = new Entry(owner);
        Entry entry = entries.compute(key, (k, existing) -> {
            if (existing != null && existing.isUsableAt(now) && !(forceRefresh && existing.value.isDone())) {
                return existing;
            }
            return created;
        });
        entry.lastUsedMillis = now;
        if (entry != created) {
            return hit(entry);
        }
        try {
            // The issuer's lifetime counts from its answer, which comes after this: the expiry is never late.
            Instant requested = clock.instant();
            IssuedToken token = loader.get();
            entry.credentialExpiresAt = token.expiresIn() == null ? null : requested.plus(token.expiresIn());
            entry.expiresAtMillis = expiry(token, clock.millis());
            entry.value.complete(token);
        } catch (Throwable e) {
            // Whatever went wrong, the waiters are released and nothing is cached.
            entries.remove(key, entry);
            entry.value.completeExceptionally(e);
            throw e;
        }
        if (owner != null) {
            evictBeyondOwnerLimit(owner, key);
        }
        if (entries.size() > maxEntries) {
            evict(key);
        }
        return new Lookup(join(entry), false, entry.credentialExpiresAt);
    }

    private static Lookup hit(Entry entry) {
        IssuedToken token = join(entry);
        return new Lookup(token, true, entry.credentialExpiresAt);
    }

    /** Drops the key's credential so the next request obtains a new one. */
    public void invalidate(CredentialKey key) {
        entries.remove(key);
    }

    /**
     * Drops the key's credential if it is still {@code accessToken}, the one a downstream rejected (a newer one
     * obtained meanwhile stays), and remembers the rejection for {@link #takeRejected}: the next request must not be
     * answered with the same token by its source either (a vault returns the token it stores unless asked to refresh
     * it).
     *
     * @return whether it was dropped
     */
    public boolean invalidateRejected(CredentialKey key, String accessToken) {
        Entry entry = entries.get(key);
        if (entry == null || !entry.value.isDone() || entry.value.isCompletedExceptionally()
                || !join(entry).accessToken().equals(accessToken) || !entries.remove(key, entry)) {
            return false;
        }
        if (rejected.size() >= maxEntries) {
            rejected.clear(); // bounded: at worst a vault is not asked to refresh a token it would refresh anyway
        }
        rejected.add(key);
        return true;
    }

    /** Whether the key's credential was rejected ({@link #invalidateRejected}) since last asked; forgets it. */
    public boolean takeRejected(CredentialKey key) {
        return !rejected.isEmpty() && rejected.remove(key);
    }

    public int size() {
        return entries.size();
    }

    private long expiry(IssuedToken token, long now) {
        Duration lifetime = token.expiresIn() == null ? defaultLifetime : token.expiresIn().minus(skew);
        return lifetime.isNegative() ? now : now + lifetime.toMillis();
    }

    /** Makes room: expired entries first, then the least recently used ones, never {@code keep}. */
    private void evict(CredentialKey keep) {
        long now = clock.millis();
        entries.entrySet().removeIf(e -> e.getValue().value.isDone() && !e.getValue().isUsableAt(now));
        int excess = entries.size() - maxEntries;
        if (excess > 0) {
            // Remove a tenth more than needed (within the cache's size), so a full cache does not scan on every insert.
            int toRemove = Math.min(excess + maxEntries / 10, entries.size() - 1);
            entries.entrySet().stream().filter(e -> e.getValue().value.isDone() && !e.getKey().equals(keep))
                    .map(e -> new Candidate(e.getKey(), e.getValue().lastUsedMillis)).toList().stream()
                    .sorted(Comparator.comparingLong(Candidate::lastUsed)).limit(toRemove)
                    .forEach(candidate -> entries.remove(candidate.key()));
        }
    }

    /**
     * Keeps the owner within its limit: its least recently used entries go, never {@code keep}. A scan of the
     * cache, on misses only (each of which has just cost a call to the STS, far more than the scan): counting per
     * owner instead would have to follow every removal path.
     */
    private void evictBeyondOwnerLimit(String owner, CredentialKey keep) {
        List<Candidate> own = new ArrayList<>();
        entries.forEach((key, entry) -> {
            if (owner.equals(entry.owner) && entry.value.isDone() && !key.equals(keep)) {
                own.add(new Candidate(key, entry.lastUsedMillis));
            }
        });
        int excess = own.size() + 1 - maxPerOwner;
        if (excess > 0) {
            own.stream().sorted(Comparator.comparingLong(Candidate::lastUsed)).limit(excess)
                    .forEach(candidate -> entries.remove(candidate.key()));
        }
    }

    private static IssuedToken join(Entry entry) {
        try {
            return entry.value.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
