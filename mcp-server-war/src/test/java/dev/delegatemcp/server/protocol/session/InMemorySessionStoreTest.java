package dev.delegatemcp.server.protocol.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.wire.mcp.ProtocolVersion;

import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest {

    private static final Duration IDLE = Duration.ofMinutes(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    private InMemorySessionStore store(int max) {
        return new InMemorySessionStore(max, max, IDLE, clock);
    }

    private InMemorySessionStore store(int max, int maxPerSubject) {
        return new InMemorySessionStore(max, maxPerSubject, IDLE, clock);
    }

    private static List<McpSession> create(InMemorySessionStore store, String owner, int count) {
        List<McpSession> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(store.create(owner, ProtocolVersion.LATEST));
        }
        return created;
    }

    private static long live(InMemorySessionStore store, List<McpSession> sessions) {
        return sessions.stream().filter(s -> store.touchOwn(s.id(), s.owner()).isPresent()).count();
    }

    @Test
    void aSessionUsedMomentsAgoIsFoundOnlyByItsOwnerWithoutTheLock() {
        InMemorySessionStore store = store(10, 10);
        McpSession alices = store.create("alice", ProtocolVersion.LATEST);
        clock.advance(Duration.ofMillis(InMemorySessionStore.TOUCH_RESOLUTION_MILLIS - 1));
        assertEquals(Optional.empty(), store.touchOwn(alices.id(), "mallory"));
        assertEquals(Optional.of(alices), store.touchOwn(alices.id(), "alice"));
        store.remove(alices.id());
        assertEquals(Optional.empty(), store.touchOwn(alices.id(), "alice"), "a removed session is gone at once");
    }

    @Test
    void aSessionInUseStaysAliveThoughItsUsesAreCloserThanTheTouchResolution() {
        InMemorySessionStore store = store(10, 10);
        McpSession session = store.create("alice", ProtocolVersion.LATEST);
        for (Duration used = Duration.ZERO; used.compareTo(IDLE.multipliedBy(3)) < 0; used = used.plusMillis(400)) {
            clock.advance(Duration.ofMillis(400));
            assertEquals(Optional.of(session), store.touchOwn(session.id(), "alice"), "used after " + used);
        }
    }

    @Test
    void aSessionInUseStaysAliveUnderAnIdleTimeoutOfOneSecond() {
        InMemorySessionStore store = new InMemorySessionStore(10, 10, Duration.ofSeconds(1), clock);
        McpSession session = store.create("alice", ProtocolVersion.LATEST);
        for (int use = 1; use <= 10; use++) {
            clock.advance(Duration.ofMillis(600));
            assertEquals(Optional.of(session), store.touchOwn(session.id(), "alice"), "use " + use);
        }
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), store.touchOwn(session.id(), "alice"), "then idle for its timeout");
    }

    @Test
    void aSubjectThatInitializesInALoopNeverEndsAnotherSubjectsSession() {
        InMemorySessionStore store = store(10_000, 100);
        McpSession alice = store.create("alice", ProtocolVersion.LATEST);
        List<McpSession> bobs = create(store, "bob", 3);
        create(store, "mallory", 10_000);
        assertTrue(store.touchOwn(alice.id(), alice.owner()).isPresent(), "alice's session survives");
        assertEquals(3, live(store, bobs), "bob's sessions survive");
        assertEquals(104, store.size(), "mallory holds her own limit, no more");
    }

    @Test
    void aSubjectOverItsLimitLosesItsOwnLeastRecentlyUsedSession() {
        InMemorySessionStore store = store(100, 3);
        List<McpSession> own = create(store, "alice", 3);
        clock.advance(Duration.ofSeconds(1));
        store.touchOwn(own.get(0).id(), own.get(0).owner());
        McpSession fourth = store.create("alice", ProtocolVersion.LATEST);
        assertTrue(store.touchOwn(own.get(0).id(), own.get(0).owner()).isPresent(), "used most recently but one");
        assertTrue(store.touchOwn(own.get(1).id(), own.get(1).owner()).isEmpty(),
                "alice's least recently used session went");
        assertTrue(store.touchOwn(own.get(2).id(), own.get(2).owner()).isPresent());
        assertTrue(store.touchOwn(fourth.id(), fourth.owner()).isPresent());
    }

    @Test
    void aFullStoreTakesFromTheSubjectWithTheMostSessionsNotFromTheLeastRecentlyUsedOne() {
        InMemorySessionStore store = store(6, 5);
        McpSession carol = store.create("carol", ProtocolVersion.LATEST);
        clock.advance(Duration.ofSeconds(1));
        List<McpSession> mallorys = create(store, "mallory", 4);
        McpSession bob = store.create("bob", ProtocolVersion.LATEST);
        clock.advance(Duration.ofSeconds(1));
        McpSession dave = store.create("dave", ProtocolVersion.LATEST);
        assertTrue(store.touchOwn(carol.id(), carol.owner()).isPresent(),
                "carol's was the least recently used, but she holds one");
        assertTrue(store.touchOwn(bob.id(), bob.owner()).isPresent());
        assertTrue(store.touchOwn(dave.id(), dave.owner()).isPresent());
        assertEquals(3, live(store, mallorys), "mallory, who holds the most, gave one up");
    }

    @Test
    void aFullStoreTakesTheCreatorsOwnSessionWhenItHoldsAsManyAsAnyone() {
        InMemorySessionStore store = store(4, 4);
        List<McpSession> alices = create(store, "alice", 2);
        clock.advance(Duration.ofSeconds(1));
        List<McpSession> bobs = create(store, "bob", 2);
        clock.advance(Duration.ofSeconds(1));
        store.create("bob", ProtocolVersion.LATEST);
        assertEquals(2, live(store, alices), "alice's sessions are older, but bob holds as many");
        assertEquals(1, live(store, bobs));
    }

    @Test
    void whenEverySubjectHoldsOneSessionTheLeastRecentlyUsedGoes() {
        InMemorySessionStore store = store(2, 2);
        McpSession a = store.create("a", ProtocolVersion.LATEST);
        clock.advance(Duration.ofSeconds(1));
        McpSession b = store.create("b", ProtocolVersion.LATEST);
        clock.advance(Duration.ofSeconds(1));
        store.create("c", ProtocolVersion.LATEST);
        assertTrue(store.touchOwn(a.id(), a.owner()).isEmpty());
        assertTrue(store.touchOwn(b.id(), b.owner()).isPresent());
    }

    @Test
    void endedAndExpiredSessionsNoLongerCountTowardsTheSubjectsLimit() {
        InMemorySessionStore store = store(100, 2);
        List<McpSession> first = create(store, "alice", 2);
        store.remove(first.get(0).id());
        McpSession next = store.create("alice", ProtocolVersion.LATEST);
        assertTrue(store.touchOwn(first.get(1).id(), first.get(1).owner()).isPresent(),
                "an ended session freed its place");
        clock.advance(IDLE);
        List<McpSession> later = create(store, "alice", 2);
        assertEquals(2, live(store, later));
        assertTrue(store.touchOwn(next.id(), next.owner()).isEmpty());
    }

    @Test
    void anotherSubjectPresentingASessionIdFindsNothingAndLeavesTheSessionAsItWas() {
        InMemorySessionStore store = store(2, 2);
        McpSession alices = store.create("alice", ProtocolVersion.LATEST);
        clock.advance(Duration.ofSeconds(1));
        McpSession bobs = store.create("bob", ProtocolVersion.LATEST);
        clock.advance(Duration.ofSeconds(1));
        assertTrue(store.touchOwn(alices.id(), "mallory").isEmpty());
        assertTrue(store.touchOwn(alices.id(), "bob").isEmpty());
        store.create("carol", ProtocolVersion.LATEST); // full: the least recently used goes
        assertTrue(store.touchOwn(alices.id(), "alice").isEmpty(), "others' attempts did not keep alice's alive");
        assertEquals(Optional.of(bobs), store.touchOwn(bobs.id(), "bob"));
    }

    @Test
    void anOwnerTouchingItsSessionKeepsItAlive() {
        InMemorySessionStore store = store(10, 10);
        McpSession session = store.create("alice", ProtocolVersion.LATEST);
        clock.advance(IDLE.minusSeconds(1));
        assertEquals(Optional.of(session), store.touchOwn(session.id(), "alice"));
        clock.advance(IDLE.minusSeconds(1));
        assertEquals(Optional.of(session), store.touchOwn(session.id(), "alice"));
    }

    @Test
    void aPerSubjectLimitBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new InMemorySessionStore(10, 0, IDLE, clock));
    }

    @Test
    void createdSessionKeepsOwnerAndVersionAndCanBeTouched() {
        InMemorySessionStore store = store(10);
        McpSession session = store.create("alice", ProtocolVersion.V2025_06_18);
        assertEquals("alice", session.owner());
        assertEquals(ProtocolVersion.V2025_06_18, session.protocolVersion());
        assertEquals(Optional.of(session), store.touchOwn(session.id(), session.owner()));
    }

    @Test
    void idsAreUnique() {
        InMemorySessionStore store = store(1000);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ids.add(store.create("u", ProtocolVersion.LATEST).id());
        }
        assertEquals(500, ids.size());
    }

    @Test
    void idsAreLongUrlSafeVisibleAscii() {
        InMemorySessionStore store = store(100);
        for (int i = 0; i < 50; i++) {
            String id = store.create("u", ProtocolVersion.LATEST).id();
            assertTrue(id.length() >= 32, id);
            assertTrue(id.matches("[A-Za-z0-9_-]+"), id);
            assertTrue(id.chars().allMatch(c -> c >= 0x21 && c <= 0x7E), id);
        }
    }

    @Test
    void unknownIdIsEmpty() {
        assertEquals(Optional.empty(), store(5).touchOwn("no-such-session", "u"));
    }

    @Test
    void sessionExpiresAfterIdleTimeout() {
        InMemorySessionStore store = store(10);
        McpSession session = store.create("alice", ProtocolVersion.LATEST);
        clock.advance(IDLE.minusMillis(1));
        assertEquals(1, store.size());
        clock.advance(Duration.ofMillis(1));
        assertEquals(0, store.size());
        assertEquals(Optional.empty(), store.touchOwn(session.id(), session.owner()));
    }

    @Test
    void expiredSessionCannotBeTouched() {
        InMemorySessionStore store = store(10);
        McpSession session = store.create("alice", ProtocolVersion.LATEST);
        clock.advance(IDLE.plusSeconds(1));
        assertEquals(Optional.empty(), store.touchOwn(session.id(), session.owner()));
        assertFalse(store.remove(session.id()));
    }

    @Test
    void touchRefreshesTheIdleTimer() {
        InMemorySessionStore store = store(10);
        McpSession session = store.create("alice", ProtocolVersion.LATEST);
        clock.advance(Duration.ofMinutes(20));
        assertTrue(store.touchOwn(session.id(), session.owner()).isPresent());
        clock.advance(Duration.ofMinutes(20));
        assertTrue(store.touchOwn(session.id(), session.owner()).isPresent(),
                "40 minutes after creation but 20 after last use");
        clock.advance(IDLE);
        assertTrue(store.touchOwn(session.id(), session.owner()).isEmpty());
    }

    @Test
    void touchedSessionOutlivesOlderIdleOnes() {
        InMemorySessionStore store = store(10);
        McpSession first = store.create("a", ProtocolVersion.LATEST);
        clock.advance(Duration.ofMinutes(10));
        McpSession second = store.create("b", ProtocolVersion.LATEST);
        clock.advance(Duration.ofMinutes(10));
        store.touchOwn(first.id(), first.owner());
        clock.advance(Duration.ofMinutes(15));
        // second idle 25 min, first idle 15 min: both live
        assertEquals(2, store.size());
        clock.advance(Duration.ofMinutes(5));
        // second idle 30 min: expired; first idle 20 min: live
        assertEquals(1, store.size());
        assertTrue(store.touchOwn(first.id(), first.owner()).isPresent());
        assertTrue(store.touchOwn(second.id(), second.owner()).isEmpty());
    }

    @Test
    void fullStoreEvictsLeastRecentlyUsedSession() {
        InMemorySessionStore store = store(2);
        McpSession a = store.create("a", ProtocolVersion.LATEST);
        clock.advance(Duration.ofSeconds(1));
        McpSession b = store.create("b", ProtocolVersion.LATEST);
        clock.advance(Duration.ofSeconds(1));
        store.touchOwn(a.id(), a.owner());
        clock.advance(Duration.ofSeconds(1));
        McpSession c = store.create("c", ProtocolVersion.LATEST);
        assertEquals(2, store.size());
        assertTrue(store.touchOwn(a.id(), a.owner()).isPresent());
        assertTrue(store.touchOwn(b.id(), b.owner()).isEmpty(), "b was least recently used");
        assertTrue(store.touchOwn(c.id(), c.owner()).isPresent());
    }

    @Test
    void fullStoreDropsExpiredSessionsBeforeLiveOnes() {
        InMemorySessionStore store = store(2);
        McpSession old = store.create("old", ProtocolVersion.LATEST);
        clock.advance(Duration.ofMinutes(20));
        McpSession recent = store.create("recent", ProtocolVersion.LATEST);
        clock.advance(Duration.ofMinutes(15));
        McpSession newest = store.create("newest", ProtocolVersion.LATEST);
        assertTrue(store.touchOwn(old.id(), old.owner()).isEmpty());
        assertTrue(store.touchOwn(recent.id(), recent.owner()).isPresent());
        assertTrue(store.touchOwn(newest.id(), newest.owner()).isPresent());
    }

    @Test
    void sizeNeverExceedsMaximum() {
        InMemorySessionStore store = store(3);
        for (int i = 0; i < 10; i++) {
            store.create("u" + i, ProtocolVersion.LATEST);
            assertTrue(store.size() <= 3);
        }
        assertEquals(3, store.size());
    }

    @Test
    void removeEndsTheSessionAndReportsWhetherItExisted() {
        InMemorySessionStore store = store(5);
        McpSession session = store.create("alice", ProtocolVersion.LATEST);
        McpSession other = store.create("bob", ProtocolVersion.LATEST);
        assertNotEquals(session.id(), other.id());
        assertTrue(store.remove(session.id()));
        assertFalse(store.remove(session.id()));
        assertTrue(store.touchOwn(session.id(), session.owner()).isEmpty());
        assertEquals(1, store.size());
        assertTrue(store.touchOwn(other.id(), other.owner()).isPresent());
    }

    @Test
    void sizeCountsLiveSessions() {
        InMemorySessionStore store = store(5);
        assertEquals(0, store.size());
        store.create("a", ProtocolVersion.LATEST);
        store.create("b", ProtocolVersion.LATEST);
        assertEquals(2, store.size());
    }

    @Test
    void maximumBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new InMemorySessionStore(0, 1, IDLE, clock));
    }

    @Test
    void everyWayASessionEndsIsReportedOnceWithTheSessionItself() {
        List<String> ended = new ArrayList<>();
        InMemorySessionStore store = new InMemorySessionStore(3, 2, IDLE, clock, s -> ended.add(s.id()));
        McpSession removed = store.create("alice", ProtocolVersion.LATEST);
        McpSession evicted = store.create("alice", ProtocolVersion.LATEST);
        McpSession expired = store.create("bob", ProtocolVersion.LATEST);

        assertTrue(store.remove(removed.id()));
        assertFalse(store.remove(removed.id()));
        store.create("alice", ProtocolVersion.LATEST);
        store.create("alice", ProtocolVersion.LATEST);
        assertEquals(List.of(removed.id(), evicted.id()), ended, "removed, then evicted to make room");

        clock.advance(IDLE);
        assertTrue(store.touchOwn(expired.id(), "bob").isEmpty());
        assertEquals(List.of(removed.id(), evicted.id(), expired.id()), ended);
    }

    @Test
    void theEndOfASessionIsReportedAfterTheStoreLetGoOfItsLock() {
        List<Boolean> heldLock = new ArrayList<>();
        InMemorySessionStore[] store = new InMemorySessionStore[1];
        store[0] = new InMemorySessionStore(1, 1, IDLE, clock, s -> heldLock.add(Thread.holdsLock(store[0])));
        McpSession removed = store[0].create("alice", ProtocolVersion.LATEST);
        store[0].remove(removed.id());
        McpSession evicted = store[0].create("alice", ProtocolVersion.LATEST);
        store[0].create("alice", ProtocolVersion.LATEST);
        clock.advance(IDLE);
        store[0].size();
        assertTrue(store[0].touchOwn(evicted.id(), "alice").isEmpty());
        assertEquals(List.of(false, false, false), heldLock,
                "observers (streams, waits, subscriptions) may take their own locks without a deadlock");
    }
}
