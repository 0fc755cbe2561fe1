package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    private static final long TIMEOUT_SECONDS = 20;

    private final MutableClock clock = new MutableClock(T0);
    private final CredentialCache cache = new CredentialCache(100, 100, SKEW, DEFAULT_LIFETIME, clock);
    private ExecutorService pool;

    @AfterEach
    void stopPool() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS), "test threads did not stop");
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static IssuedToken token(String value, Duration expiresIn) {
        return new IssuedToken(value, "urn:ietf:params:oauth:token-type:access_token", "Bearer", expiresIn,
                Set.of());
    }

    private static CredentialKey key(String subjectToken) {
        return CredentialKey.of(subjectToken, "calendar", List.of("calendar.read"), "USER", null);
    }

    /** A loader that counts its calls and issues token-1, token-2, ... with the given lifetime. */
    private static final class CountingLoader implements Supplier<IssuedToken> {
        final AtomicInteger calls = new AtomicInteger();
        private final String prefix;
        private final Duration expiresIn;

        CountingLoader(String prefix, Duration expiresIn) {
            this.prefix = prefix;
            this.expiresIn = expiresIn;
        }

        @Override
        public IssuedToken get() {
            return token(prefix + "-" + calls.incrementAndGet(), expiresIn);
        }
    }

    private static CountingLoader loader(Duration expiresIn) {
        return new CountingLoader("token", expiresIn);
    }

    private static final Supplier<IssuedToken> MUST_NOT_LOAD = () -> {
        throw new IllegalStateException("the loader must not be called: the credential should be cached");
    };

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for a latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when the thread is blocked waiting on a CompletableFuture inside the cache (an in-flight load). */
    private static boolean waitingOnInFlightLoad(Thread thread) {
        if (thread.getState() != Thread.State.WAITING) {
            return false;
        }
        StackTraceElement[] stack = thread.getStackTrace();
        return Arrays.stream(stack).anyMatch(f -> f.getClassName().equals("java.util.concurrent.CompletableFuture"))
                && Arrays.stream(stack).anyMatch(f -> f.getClassName().equals(CredentialCache.class.getName()));
    }

    /** Spins (no sleeping) until every thread waits on the in-flight load, failing after a bounded time. */
    private static void awaitAllWaitingOnInFlightLoad(Collection<Thread> threads) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)
                || !threads.stream().allMatch(CredentialCacheTest::waitingOnInFlightLoad)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the other threads did not all wait on the in-flight load");
            }
            Thread.yield();
        }
    }

    private static <T> List<T> results(List<Future<T>> futures) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        return results;
    }

    // --- hits and misses ----------------------------------------------------------------------------------------

    @Test
    void secondGetOfSameKeyIsAHitWithoutCallingTheLoader() {
        CountingLoader loader = loader(Duration.ofMinutes(5));
        CredentialCache.Lookup first = cache.get(key("alice"), loader, false);
        assertFalse(first.hit());
        assertEquals("token-1", first.token().accessToken());

        CredentialCache.Lookup second = cache.get(key("alice"), MUST_NOT_LOAD, false);
        assertTrue(second.hit());
        assertSame(first.token(), second.token());
        assertEquals(1, loader.calls.get());
        assertEquals(1, cache.size());
    }

    @Test
    void keyDifferingInAnyComponentIsAMiss() {
        CountingLoader loader = loader(Duration.ofMinutes(5));
        CredentialKey base = CredentialKey.of("subject-token", "calendar", List.of("calendar.read"), "TENANT", "acme");
        cache.get(base, loader, false);
        List<CredentialKey> others = List.of(
                CredentialKey.of("other-subject-token", "calendar", List.of("calendar.read"), "TENANT", "acme"),
                CredentialKey.of("subject-token", "mail", List.of("calendar.read"), "TENANT", "acme"),
                CredentialKey.of("subject-token", "calendar", List.of("calendar.write"), "TENANT", "acme"),
                CredentialKey.of("subject-token", "calendar", List.of("calendar.read", "calendar.write"), "TENANT",
                        "acme"),
                CredentialKey.of("subject-token", "calendar", List.of(), "TENANT", "acme"),
                CredentialKey.of("subject-token", "calendar", List.of("calendar.read"), "USER", "acme"),
                CredentialKey.of("subject-token", "calendar", List.of("calendar.read"), "TENANT", "globex"),
                CredentialKey.of("subject-token", "calendar", List.of("calendar.read"), "TENANT", null));
        for (CredentialKey other : others) {
            CredentialCache.Lookup lookup = cache.get(other, loader, false);
            assertFalse(lookup.hit(), other.toString());
        }
        assertEquals(1 + others.size(), loader.calls.get());
        assertEquals(1 + others.size(), cache.size());
        assertTrue(cache.get(base, MUST_NOT_LOAD, false).hit());
    }

    @Test
    void keyWithSameScopesInAnotherOrderIsAHit() {
        cache.get(CredentialKey.of("t", "calendar", List.of("b", "a"), "USER", null), loader(Duration.ofMinutes(5)),
                false);
        assertTrue(cache.get(CredentialKey.of("t", "calendar", List.of("a", "b", "a"), "USER", null), MUST_NOT_LOAD,
                false).hit());
    }

    // --- expiry -------------------------------------------------------------------------------------------------

    @Test
    void credentialIsServedUntilJustBeforeExpiresInMinusSkewAndReloadedAtIt() {
        CountingLoader loader = loader(Duration.ofSeconds(300));
        cache.get(key("alice"), loader, false);

        clock.advance(Duration.ofSeconds(270).minusMillis(1));
        CredentialCache.Lookup beforeExpiry = cache.get(key("alice"), MUST_NOT_LOAD, false);
        assertTrue(beforeExpiry.hit());
        assertEquals("token-1", beforeExpiry.token().accessToken());

        clock.advance(Duration.ofMillis(1));
        CredentialCache.Lookup atExpiry = cache.get(key("alice"), loader, false);
        assertFalse(atExpiry.hit());
        assertEquals("token-2", atExpiry.token().accessToken());
        assertEquals(2, loader.calls.get());
    }

    @Test
    void credentialIsReloadedAfterExpiry() {
        CountingLoader loader = loader(Duration.ofSeconds(300));
        cache.get(key("alice"), loader, false);
        clock.advance(Duration.ofHours(1));
        CredentialCache.Lookup lookup = cache.get(key("alice"), loader, false);
        assertFalse(lookup.hit());
        assertEquals("token-2", lookup.token().accessToken());
        assertTrue(cache.get(key("alice"), MUST_NOT_LOAD, false).hit());
    }

    @Test
    void credentialExpiringWithinTheSkewIsNotServedFromCacheAgain() {
        CountingLoader loader = loader(Duration.ofSeconds(10));
        CredentialCache.Lookup first = cache.get(key("alice"), loader, false);
        assertFalse(first.hit());
        assertEquals("token-1", first.token().accessToken());

        CredentialCache.Lookup second = cache.get(key("alice"), loader, false);
        assertFalse(second.hit());
        assertEquals("token-2", second.token().accessToken());
        assertEquals(2, loader.calls.get());
    }

    @Test
    void credentialExpiringExactlyAtTheSkewIsNotServedFromCacheAgain() {
        CountingLoader loader = loader(SKEW);
        cache.get(key("alice"), loader, false);
        assertFalse(cache.get(key("alice"), loader, false).hit());
        assertEquals(2, loader.calls.get());
    }

    @Test
    void credentialWithUnknownExpiryIsKeptForTheDefaultLifetime() {
        CountingLoader loader = loader(null);
        cache.get(key("alice"), loader, false);

        clock.advance(DEFAULT_LIFETIME.minusMillis(1));
        assertTrue(cache.get(key("alice"), MUST_NOT_LOAD, false).hit());

        clock.advance(Duration.ofMillis(1));
        CredentialCache.Lookup lookup = cache.get(key("alice"), loader, false);
        assertFalse(lookup.hit());
        assertEquals("token-2", lookup.token().accessToken());
    }

    // --- refresh and invalidate ---------------------------------------------------------------------------------

    @Test
    void forceRefreshReloadsAndReplacesTheCachedCredential() {
        CountingLoader loader = loader(Duration.ofMinutes(5));
        cache.get(key("alice"), loader, false);

        CredentialCache.Lookup refreshed = cache.get(key("alice"), loader, true);
        assertFalse(refreshed.hit());
        assertEquals("token-2", refreshed.token().accessToken());
        assertEquals(2, loader.calls.get());

        CredentialCache.Lookup afterwards = cache.get(key("alice"), MUST_NOT_LOAD, false);
        assertTrue(afterwards.hit());
        assertSame(refreshed.token(), afterwards.token());
        assertEquals(1, cache.size());
    }

    @Test
    void forceRefreshOnAnEmptyCacheLoads() {
        CredentialCache.Lookup lookup = cache.get(key("alice"), loader(Duration.ofMinutes(5)), true);
        assertFalse(lookup.hit());
        assertEquals("token-1", lookup.token().accessToken());
    }

    @Test
    void invalidateDropsTheCredentialSoTheNextGetReloads() {
        CountingLoader loader = loader(Duration.ofMinutes(5));
        cache.get(key("alice"), loader, false);
        cache.get(key("bob"), loader, false);

        cache.invalidate(key("alice"));
        assertEquals(1, cache.size());

        CredentialCache.Lookup lookup = cache.get(key("alice"), loader, false);
        assertFalse(lookup.hit());
        assertEquals("token-3", lookup.token().accessToken());
        assertTrue(cache.get(key("bob"), MUST_NOT_LOAD, false).hit());
    }

    @Test
    void invalidatingAnUnknownKeyIsHarmless() {
        cache.invalidate(key("nobody"));
        assertEquals(0, cache.size());
    }

    // --- failures -----------------------------------------------------------------------------------------------

    @Test
    void failingLoaderIsNotCachedAndItsExceptionPropagates() {
        CredentialException failure =
                CredentialException.of(CredentialException.Reason.DENIED, "access_denied", "policy says no");
        CredentialException thrown = assertThrows(CredentialException.class, () -> cache.get(key("alice"), () -> {
            throw failure;
        }, false));
        assertSame(failure, thrown);
        assertEquals(0, cache.size());

        CountingLoader loader = loader(Duration.ofMinutes(5));
        CredentialCache.Lookup lookup = cache.get(key("alice"), loader, false);
        assertFalse(lookup.hit());
        assertEquals(1, loader.calls.get());
    }

    @Test
    void failingLoaderExceptionReachesEveryThreadWaitingForTheSameLoad() throws Exception {
        int waiters = 20;
        pool = Executors.newFixedThreadPool(waiters + 1);
        CredentialException failure = CredentialException.of(CredentialException.Reason.UNAVAILABLE, null, "STS down");
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<IssuedToken> failing = () -> {
            loads.incrementAndGet();
            loading.countDown();
            await(release);
            throw failure;
        };

        Future<Object> owner = pool.submit(() -> cache.get(key("alice"), failing, false));
        await(loading);
        Queue<Thread> waiterThreads = new ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(waiters);
        List<Future<Object>> waiting = new ArrayList<>();
        for (int i = 0; i < waiters; i++) {
            waiting.add(pool.submit(() -> {
                waiterThreads.add(Thread.currentThread());
                started.countDown();
                return cache.get(key("alice"), failing, false);
            }));
        }
        await(started);
        awaitAllWaitingOnInFlightLoad(waiterThreads);
        release.countDown();

        List<Future<Object>> all = new ArrayList<>(waiting);
        all.add(owner);
        for (Future<Object> future : all) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertSame(failure, e.getCause());
        }
        assertEquals(1, loads.get());
        assertEquals(0, cache.size());
    }

    /**
     * BUG: {@code CredentialCache.get} only catches RuntimeException around {@code loader.get()}. A loader that
     * throws an Error (or a sneaky-thrown checked exception) leaves the in-flight entry in the map, never completed;
     * every later get of that key then blocks forever in {@code join}.
     */
    @Test
    void loaderThrowingAnErrorIsNotCachedAndDoesNotBlockLaterGets() {
        final class LoaderError extends Error {
            private static final long serialVersionUID = 1L;
        }
        assertThrows(LoaderError.class, () -> cache.get(key("alice"), () -> {
            throw new LoaderError();
        }, false));
        assertEquals(0, cache.size(), "the failed load must not stay in the cache");
        CredentialCache.Lookup lookup = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> cache.get(key("alice"), loader(Duration.ofMinutes(5)), false));
        assertFalse(lookup.hit());
    }

    // --- single flight ------------------------------------------------------------------------------------------

    @Test
    void twoHundredConcurrentMissesOnOneKeyCallTheLoaderOnce() throws Exception {
        int threads = 200;
        pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch calledGet = new CountDownLatch(threads);
        Queue<Thread> callers = new ConcurrentLinkedQueue<>();
        AtomicInteger loads = new AtomicInteger();
        IssuedToken shared = token("shared", Duration.ofMinutes(5));
        Supplier<IssuedToken> loader = () -> {
            loads.incrementAndGet();
            // Hold the load until every thread has called get and the others all wait on this very load.
            await(calledGet);
            List<Thread> others = callers.stream().filter(t -> t != Thread.currentThread()).toList();
            awaitAllWaitingOnInFlightLoad(others);
            return shared;
        };
        List<Future<CredentialCache.Lookup>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                callers.add(Thread.currentThread());
                await(start);
                calledGet.countDown();
                return cache.get(key("alice"), loader, false);
            }));
        }
        start.countDown();

        List<CredentialCache.Lookup> lookups = results(futures);
        assertEquals(1, loads.get());
        assertEquals(threads, lookups.size());
        lookups.forEach(lookup -> assertSame(shared, lookup.token()));
        assertEquals(1, lookups.stream().filter(lookup -> !lookup.hit()).count());
        assertEquals(1, cache.size());
    }

    // --- bounded size -------------------------------------------------------------------------------------------

    @Test
    void insertingPastMaxEntriesEvictsExpiredEntriesBeforeLiveOnes() {
        CredentialCache small = new CredentialCache(3, 3, SKEW, DEFAULT_LIFETIME, clock);
        small.get(key("b"), loader(Duration.ofMinutes(10)), false); // least recently used, but live
        clock.advance(Duration.ofMillis(1));
        small.get(key("c"), loader(Duration.ofMinutes(10)), false);
        clock.advance(Duration.ofMillis(1));
        small.get(key("a"), loader(Duration.ofSeconds(40)), false); // expires after 10 s
        clock.advance(Duration.ofSeconds(11));

        small.get(key("d"), loader(Duration.ofMinutes(10)), false);

        assertEquals(3, small.size());
        assertTrue(small.get(key("b"), MUST_NOT_LOAD, false).hit());
        assertTrue(small.get(key("c"), MUST_NOT_LOAD, false).hit());
        assertTrue(small.get(key("d"), MUST_NOT_LOAD, false).hit());
    }

    @Test
    void insertingPastMaxEntriesEvictsTheLeastRecentlyUsedWhenNoneExpired() {
        CredentialCache small = new CredentialCache(10, 10, SKEW, DEFAULT_LIFETIME, clock);
        for (int i = 0; i < 10; i++) {
            small.get(key("k" + i), loader(Duration.ofMinutes(10)), false);
            clock.advance(Duration.ofMillis(1));
        }
        assertTrue(small.get(key("k0"), MUST_NOT_LOAD, false).hit()); // k0 is now recently used, k1 the least
        clock.advance(Duration.ofMillis(1));

        small.get(key("new"), loader(Duration.ofMinutes(10)), false);

        assertTrue(small.size() <= 10, "size " + small.size());
        assertTrue(small.get(key("new"), MUST_NOT_LOAD, false).hit());
        assertTrue(small.get(key("k0"), MUST_NOT_LOAD, false).hit());
        assertTrue(small.get(key("k9"), MUST_NOT_LOAD, false).hit());
        assertFalse(small.get(key("k1"), loader(Duration.ofMinutes(10)), false).hit());
    }

    @Test
    void sizeNeverExceedsMaxEntriesAfterManyInserts() {
        CredentialCache small = new CredentialCache(50, 50, SKEW, DEFAULT_LIFETIME, clock);
        for (int i = 0; i < 1_000; i++) {
            small.get(key("subject-" + i), loader(Duration.ofMinutes(10)), false);
            assertTrue(small.size() <= 50, "size " + small.size() + " after insert " + i);
            if (i % 3 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
        }
        assertTrue(small.size() > 0);
    }

    @Test
    void sizeNeverExceedsMaxEntriesWhenEntriesShareOneTimestamp() {
        CredentialCache small = new CredentialCache(20, 20, SKEW, DEFAULT_LIFETIME, clock);
        for (int i = 0; i < 500; i++) {
            small.get(key("subject-" + i), loader(Duration.ofMinutes(10)), false);
            assertTrue(small.size() <= 20, "size " + small.size() + " after insert " + i);
        }
    }

    /**
     * BUG: evict() removes {@code excess + max(1, maxEntries / 10)} of the least recently used entries. With
     * maxEntries = 1 that is two entries when the cache holds two: the old one and the credential just loaded, which
     * is the most recently used. So a cache of one never keeps a new credential while it holds an old one.
     */
    @Test
    void cacheOfOneKeepsTheCredentialJustLoaded() {
        CredentialCache one = new CredentialCache(1, 1, SKEW, DEFAULT_LIFETIME, clock);
        one.get(key("old"), loader(Duration.ofMinutes(10)), false);
        clock.advance(Duration.ofMillis(1));
        one.get(key("new"), loader(Duration.ofMinutes(10)), false);
        assertEquals(1, one.size());
        assertTrue(one.get(key("new"), MUST_NOT_LOAD, false).hit());
    }

    @Test
    void oneSubjectBringingManyTokensNeverPushesOutAnotherSubjectsCredential() {
        CredentialCache bounded = new CredentialCache(1_000, 10, SKEW, DEFAULT_LIFETIME, clock);
        bounded.get(key("alice-token"), "alice", loader(Duration.ofMinutes(10)), false);
        for (int i = 0; i < 5_000; i++) {
            bounded.get(key("mallory-token-" + i), "mallory", loader(Duration.ofMinutes(10)), false);
            clock.advance(Duration.ofMillis(1));
        }
        assertTrue(bounded.get(key("alice-token"), "alice", MUST_NOT_LOAD, false).hit());
        assertEquals(11, bounded.size(), "mallory keeps her own limit of 10, alice her one");
    }

    @Test
    void aSubjectPastItsLimitLosesItsOwnLeastRecentlyUsedCredential() {
        CredentialCache bounded = new CredentialCache(100, 3, SKEW, DEFAULT_LIFETIME, clock);
        for (String token : List.of("t1", "t2", "t3")) {
            bounded.get(key(token), "alice", loader(Duration.ofMinutes(10)), false);
            clock.advance(Duration.ofMillis(1));
        }
        assertTrue(bounded.get(key("t1"), "alice", MUST_NOT_LOAD, false).hit()); // t2 is now the least recently used
        clock.advance(Duration.ofMillis(1));
        bounded.get(key("t4"), "alice", loader(Duration.ofMinutes(10)), false);
        assertEquals(3, bounded.size());
        assertTrue(bounded.get(key("t1"), "alice", MUST_NOT_LOAD, false).hit());
        assertTrue(bounded.get(key("t3"), "alice", MUST_NOT_LOAD, false).hit());
        assertTrue(bounded.get(key("t4"), "alice", MUST_NOT_LOAD, false).hit());
        assertFalse(bounded.get(key("t2"), "alice", loader(Duration.ofMinutes(10)), false).hit());
    }

    @Test
    void aCacheHitReportsTheExpiryOfTheCredentialAsObtainedNotCountedFromTheHit() {
        Instant obtained = clock.instant();
        CredentialCache.Lookup miss = cache.get(key("alice"), loader(Duration.ofMinutes(5)), false);
        clock.advance(Duration.ofMillis(2500));
        CredentialCache.Lookup hit = cache.get(key("alice"), MUST_NOT_LOAD, false);
        assertTrue(hit.hit());
        assertEquals(obtained.plus(Duration.ofMinutes(5)), miss.expiresAt());
        assertEquals(miss.expiresAt(), hit.expiresAt());
    }

    // --- isolation under concurrency ----------------------------------------------------------------------------

    @Test
    void concurrentSubjectsAlwaysGetTheirOwnCredential() throws Exception {
        int threadsPerSubject = 4;
        int getsPerThread = 300;
        List<String> subjects = List.of("alice", "bob");
        pool = Executors.newFixedThreadPool(threadsPerSubject * subjects.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (String subject : subjects) {
            CountingLoader loader = new CountingLoader(subject + "-credential", Duration.ofSeconds(31));
            for (int t = 0; t < threadsPerSubject; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    await(start);
                    int checked = 0;
                    for (int i = 0; i < getsPerThread; i++) {
                        if ((i + seed) % 11 == 0) {
                            cache.invalidate(key(subject + "-token"));
                        }
                        if ((i + seed) % 17 == 0) {
                            clock.advance(Duration.ofMillis(400)); // tokens live 1 s in the cache
                        }
                        boolean force = (i + seed) % 7 == 0;
                        CredentialCache.Lookup lookup = cache.get(key(subject + "-token"), loader, force);
                        String value = lookup.token().accessToken();
                        if (!value.startsWith(subject + "-credential-")) {
                            fail(subject + " got " + value);
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
        }
        start.countDown();
        int total = results(futures).stream().mapToInt(Integer::intValue).sum();
        assertEquals(threadsPerSubject * subjects.size() * getsPerThread, total);
        for (String subject : subjects) {
            String value = cache.get(key(subject + "-token"),
                    new CountingLoader(subject + "-credential", Duration.ofSeconds(31)), false).token().accessToken();
            assertTrue(value.startsWith(subject + "-credential-"), value);
        }
    }
}
