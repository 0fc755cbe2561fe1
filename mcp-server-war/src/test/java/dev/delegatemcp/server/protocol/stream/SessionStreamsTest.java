package dev.delegatemcp.server.protocol.stream;

import static dev.delegatemcp.server.protocol.stream.SessionStreams.Resumption.FINISHED;
import static dev.delegatemcp.server.protocol.stream.SessionStreams.Resumption.RESUMED;
import static dev.delegatemcp.server.protocol.stream.SessionStreams.Resumption.UNKNOWN;
import static dev.delegatemcp.server.protocol.stream.StreamTesting.config;
import static dev.delegatemcp.server.protocol.stream.StreamTesting.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.delegatemcp.server.protocol.session.SessionEnded;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class SessionStreamsTest {

    private SessionStreams streams = new SessionStreams(config());

    private static List<String> tags(FakeConnection connection) {
        return connection.messages().stream().map(message -> message.getJsonObject("params").getString("tag"))
                .toList();
    }

    private static String lastId(FakeConnection connection) {
        List<String> ids = connection.ids();
        return ids.get(ids.size() - 1);
    }

    @Test
    void aRequestStreamOpensOnlyWhenItSendsSomething() {
        AtomicInteger opened = new AtomicInteger();
        FakeConnection post = new FakeConnection();
        EventStream stream = streams.requestStream("s1", "alice", () -> {
            opened.incrementAndGet();
            return post;
        });
        assertEquals(0, opened.get());
        assertFalse(stream.opened());
        stream.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}");
        assertEquals(1, opened.get());
        assertEquals("", post.events().get(0).data(), "the priming event comes first");
        assertEquals(StreamTesting.RETRY.toMillis(), post.events().get(0).retryMillis());
    }

    @Test
    void aGetStreamStartsWithThePrimingEvent() {
        FakeConnection get = new FakeConnection();
        EventStream stream = streams.listen("s1", "alice", get);
        assertEquals(List.of(new SseEvent(stream.id() + "_1", "", StreamTesting.RETRY.toMillis())), get.events());
    }

    @Test
    void streamIdsAreUniqueAndHoldNothingButUrlSafeCharacters() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String id = streams.requestStream("s1", "alice", FakeConnection::new).id();
            assertTrue(id.matches("[A-Za-z0-9_-]{16}"), id);
            ids.add(id);
        }
        assertEquals(200, ids.size());
    }

    @Test
    void aNotificationGoesOnExactlyOneStreamTheNewestGetStreamOfTheSession() {
        FakeConnection older = new FakeConnection();
        FakeConnection newer = new FakeConnection();
        streams.listen("s1", "alice", older);
        streams.listen("s1", "alice", newer);
        streams.toSession("s1", notification("a"));
        assertEquals(List.of("a"), tags(newer));
        assertEquals(List.of(), tags(older), "never broadcast over several streams");
    }

    @Test
    void aNotificationGoesOnlyToItsOwnSession() {
        FakeConnection mine = new FakeConnection();
        FakeConnection other = new FakeConnection();
        streams.listen("s1", "alice", mine);
        streams.listen("s2", "bob", other);
        streams.toSession("s1", notification("a"));
        assertEquals(List.of("a"), tags(mine));
        assertEquals(List.of(), tags(other));
    }

    @Test
    void aNotificationPassesOverAGetStreamWhoseClientLeft() {
        FakeConnection older = new FakeConnection();
        FakeConnection newer = new FakeConnection();
        streams.listen("s1", "alice", older);
        EventStream left = streams.listen("s1", "alice", newer);
        newer.leave();
        streams.toSession("s1", notification("lost-connection"));
        streams.toSession("s1", notification("b"));
        assertEquals(List.of("b"), tags(older));
        FakeConnection back = new FakeConnection();
        assertEquals(RESUMED, streams.resume("s1", "alice", left.id() + "_1", back));
        assertEquals(List.of("lost-connection"), tags(back), "the one written to a gone client is replayed");
    }

    @Test
    void notificationsNeverGoOnTheStreamOfARequest() {
        FakeConnection post = new FakeConnection();
        EventStream request = streams.requestStream("s1", "alice", () -> post);
        request.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}");
        streams.toSession("s1", notification("a"));
        assertEquals(List.of("notifications/progress"), post.methods());
        FakeConnection get = new FakeConnection();
        streams.listen("s1", "alice", get);
        assertEquals(List.of("a"), tags(get), "it waited for a GET stream");
    }

    @Test
    void notificationsWaitingForAGetStreamAreDeliveredInOrderToTheNextOne() {
        streams.sessionStarted("s1", "alice");
        streams.toSession("s1", notification("a"));
        streams.toSession("s1", notification("b"));
        FakeConnection get = new FakeConnection();
        streams.listen("s1", "alice", get);
        assertEquals(List.of("a", "b"), tags(get));
        FakeConnection second = new FakeConnection();
        streams.listen("s1", "alice", second);
        assertEquals(List.of(), tags(second), "delivered once");
    }

    @Test
    void waitingNotificationsAreBoundedTheOldestDroppedFirst() {
        streams = new SessionStreams(config(4, 16, 100, 32, 3, Duration.ofSeconds(5), 16));
        streams.sessionStarted("s1", "alice");
        for (String tag : List.of("a", "b", "c", "d", "e")) {
            streams.toSession("s1", notification(tag));
        }
        FakeConnection get = new FakeConnection();
        streams.listen("s1", "alice", get);
        assertEquals(List.of("c", "d", "e"), tags(get));
    }

    @Test
    void aNotificationToEverySessionReachesEachOnceIncludingSessionsWithoutAStream() {
        FakeConnection a1 = new FakeConnection();
        FakeConnection a2 = new FakeConnection();
        streams.listen("s1", "alice", a1);
        streams.listen("s1", "alice", a2);
        streams.sessionStarted("s2", "bob");
        streams.toAllSessions(notification("changed"));
        assertEquals(List.of("changed"), tags(a2));
        assertEquals(List.of(), tags(a1));
        FakeConnection b = new FakeConnection();
        streams.listen("s2", "bob", b);
        assertEquals(List.of("changed"), tags(b));
    }

    @Test
    void aRequestThatOutlivesItsSessionBringsNothingOfTheSessionBack() {
        streams.sessionStarted("s1", "alice");
        streams.sessionEnded(new SessionEnded("s1", "alice"));
        FakeConnection post = new FakeConnection();
        EventStream late = streams.requestStream("s1", "alice", () -> post);
        late.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}");
        assertEquals(UNKNOWN, streams.resume("s1", "alice", post.ids().get(0), new FakeConnection()),
                "the ended session keeps no stream");
        streams.toAllSessions(notification("changed"));
        FakeConnection get = new FakeConnection();
        streams.listen("s1", "alice", get);
        assertEquals(List.of(), tags(get), "nothing was kept for the ended session");
    }

    @Test
    void aGetStreamThatArrivesAfterItsSessionEndedIsEndedAtOnce() {
        streams.sessionStarted("s1", "alice");
        streams.sessionEnded(new SessionEnded("s1", "alice"));
        FakeConnection get = new FakeConnection();
        EventStream late = streams.listen("s1", "alice", get);
        assertTrue(late.ended());
        assertTrue(get.closed(), "nothing would ever end it otherwise");
        assertEquals(0, streams.listeningCount());
    }

    @Test
    void aNotificationToAnUnknownOrEndedSessionIsDropped() {
        FakeConnection get = new FakeConnection();
        streams.listen("s1", "alice", get);
        streams.sessionEnded(new SessionEnded("s1", "alice"));
        streams.toSession("s1", notification("late"));
        streams.toSession("nobody", notification("late"));
        assertEquals(List.of(), tags(get));
    }

    @Test
    void oneGetStreamMoreThanTheSessionMayHoldEndsItsOldest() {
        streams = new SessionStreams(config(2, 16, 100, 32, 100, Duration.ofSeconds(5), 16));
        FakeConnection first = new FakeConnection();
        FakeConnection second = new FakeConnection();
        FakeConnection third = new FakeConnection();
        EventStream oldest = streams.listen("s1", "alice", first);
        streams.listen("s1", "alice", second);
        streams.listen("s1", "alice", third);
        assertTrue(oldest.ended());
        assertTrue(first.closed());
        assertFalse(second.closed());
        assertFalse(third.closed());
        assertEquals(2, streams.listeningCount());
    }

    @Test
    void oneGetStreamMoreThanTheSubjectMayHoldEndsItsOldestInWhicheverSessionAndNoOneElses() {
        streams = new SessionStreams(config(4, 2, 100, 32, 100, Duration.ofSeconds(5), 16));
        FakeConnection bobs = new FakeConnection();
        streams.listen("b1", "bob", bobs);
        FakeConnection first = new FakeConnection();
        FakeConnection second = new FakeConnection();
        FakeConnection third = new FakeConnection();
        streams.listen("s1", "alice", first);
        streams.listen("s2", "alice", second);
        streams.listen("s3", "alice", third);
        assertTrue(first.closed(), "alice's oldest, in another session");
        assertFalse(second.closed());
        assertFalse(third.closed());
        assertFalse(bobs.closed(), "bob's stream is not alice's to end");
        assertEquals(3, streams.listeningCount());
        streams.toSession("s1", notification("a"));
        assertEquals(List.of(), tags(first), "the ended stream is not chosen");
    }

    @Test
    void lastEventIdResumesThatStreamReplayingOnlyWhatFollowedIt() {
        FakeConnection get = new FakeConnection();
        EventStream listening = streams.listen("s1", "alice", get);
        FakeConnection post = new FakeConnection();
        EventStream request = streams.requestStream("s1", "alice", () -> post);
        request.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"n\":1}}");
        streams.toSession("s1", notification("a"));
        String afterPriming = get.ids().get(0);
        streams.toSession("s1", notification("b"));
        get.leave();
        streams.toSession("s1", notification("c"));
        FakeConnection resumed = new FakeConnection();
        assertEquals(RESUMED, streams.resume("s1", "alice", afterPriming, resumed));
        assertEquals(List.of("a", "b", "c"), tags(resumed), "nothing of the request's stream");
        assertTrue(resumed.ids().stream().allMatch(id -> id.startsWith(listening.id() + "_")));
        assertNotEquals(listening.id(), request.id());
    }

    @Test
    void aStreamThatEndedAndWhoseEventsTheClientHasAllSeenIsFinishedAndItsConnectionLeftAlone() {
        FakeConnection post = new FakeConnection();
        EventStream request = streams.requestStream("s1", "alice", () -> post);
        request.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}");
        request.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
        request.end();
        FakeConnection reconnect = new FakeConnection();
        assertEquals(FINISHED, streams.resume("s1", "alice", lastId(post), reconnect));
        assertEquals(List.of(), reconnect.events());
        assertFalse(reconnect.closed(), "the transport answers 204 instead");
        FakeConnection missedTheResult = new FakeConnection();
        assertEquals(RESUMED, streams.resume("s1", "alice", post.ids().get(1), missedTheResult));
        assertEquals(1, missedTheResult.messages().size());
        assertTrue(missedTheResult.closed());
    }

    @Test
    void aCancelledRequestsStreamThatEndedWithoutAResultIsFinishedForItsClient() {
        FakeConnection post = new FakeConnection();
        EventStream request = streams.requestStream("s1", "alice", () -> post);
        request.closeConnection();
        request.end();
        assertEquals(FINISHED, streams.resume("s1", "alice", post.ids().get(0), new FakeConnection()));
    }

    @Test
    void aGetStreamEndedToMakeRoomIsFinishedForTheClientThatReconnectsToIt() {
        streams = new SessionStreams(config(1, 16, 100, 32, 100, Duration.ofSeconds(5), 16));
        FakeConnection first = new FakeConnection();
        streams.listen("s1", "alice", first);
        streams.listen("s1", "alice", new FakeConnection());
        assertTrue(first.closed());
        assertEquals(FINISHED, streams.resume("s1", "alice", lastId(first), new FakeConnection()));
        assertEquals(1, streams.listeningCount());
    }

    @Test
    void aStreamOfAnotherSessionCannotBeResumedEvenByItsOwner() {
        FakeConnection get = new FakeConnection();
        streams.listen("s1", "alice", get);
        streams.toSession("s1", notification("a"));
        streams.sessionStarted("s2", "alice");
        FakeConnection elsewhere = new FakeConnection();
        assertEquals(UNKNOWN, streams.resume("s2", "alice", get.ids().get(0), elsewhere));
        assertEquals(List.of(), elsewhere.events());
    }

    @Test
    void anotherSubjectCannotResumeAStreamOfTheSession() {
        FakeConnection post = new FakeConnection();
        EventStream request = streams.requestStream("s1", "alice", () -> post);
        request.send("{\"jsonrpc\":\"2.0\",\"id\":\"server-1\",\"method\":\"elicitation/create\",\"params\":{}}");
        FakeConnection mallory = new FakeConnection();
        assertEquals(UNKNOWN, streams.resume("s1", "mallory", post.ids().get(0), mallory));
        assertEquals(List.of(), mallory.events());
        assertTrue(request.connected(), "alice's connection is left alone");
        assertFalse(post.closed());
    }

    @Test
    void anIdThatNamesNoKnownStreamIsNotResumed() {
        FakeConnection get = new FakeConnection();
        EventStream stream = streams.listen("s1", "alice", get);
        for (String id : List.of("", "garbage", "_1", "unknown_1", stream.id(), stream.id() + "_", stream.id()
                + "_x")) {
            assertEquals(UNKNOWN, streams.resume("s1", "alice", id, new FakeConnection()), id);
        }
        assertEquals(UNKNOWN, streams.resume("nosuchsession", "alice", stream.id() + "_1", new FakeConnection()));
    }

    @Test
    void aResumedGetStreamReceivesNotificationsAgain() {
        FakeConnection get = new FakeConnection();
        EventStream stream = streams.listen("s1", "alice", get);
        get.leave();
        streams.toSession("s1", notification("missed"));
        FakeConnection back = new FakeConnection();
        assertEquals(RESUMED, streams.resume("s1", "alice", stream.id() + "_1", back));
        streams.toSession("s1", notification("next"));
        assertEquals(List.of("missed", "next"), tags(back));
    }

    @Test
    void aResumedRequestStreamCarriesTheRequestOnlyNotTheSessionsNotifications() {
        FakeConnection post = new FakeConnection();
        EventStream request = streams.requestStream("s1", "alice", () -> post);
        request.closeConnection();
        FakeConnection poll = new FakeConnection();
        assertEquals(RESUMED, streams.resume("s1", "alice", post.ids().get(0), poll));
        streams.toSession("s1", notification("unrelated"));
        request.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
        assertEquals(1, poll.messages().size());
        assertEquals(1, poll.messages().get(0).getInt("id"));
        assertEquals(0, streams.listeningCount());
    }

    @Test
    void resumedGetStreamsCountTowardsTheLimits() {
        streams = new SessionStreams(config(2, 16, 100, 32, 100, Duration.ofSeconds(5), 16));
        FakeConnection first = new FakeConnection();
        EventStream a = streams.listen("s1", "alice", first);
        first.leave();
        streams.toSession("s1", notification("x"));
        streams.listen("s1", "alice", new FakeConnection());
        FakeConnection third = new FakeConnection();
        EventStream c = streams.listen("s1", "alice", third);
        assertFalse(a.ended(), "a stream without a client takes no place");
        FakeConnection back = new FakeConnection();
        streams.resume("s1", "alice", a.id() + "_1", back);
        assertEquals(2, streams.listeningCount());
        assertFalse(c.ended());
        assertTrue(back.data().size() == 1 && !back.closed());
    }

    @Test
    void theEndOfASessionEndsEveryStreamOfItAndNothingElse() {
        FakeConnection get = new FakeConnection();
        FakeConnection post = new FakeConnection();
        FakeConnection othersGet = new FakeConnection();
        EventStream listening = streams.listen("s1", "alice", get);
        EventStream request = streams.requestStream("s1", "alice", () -> post);
        request.send("{}");
        EventStream other = streams.listen("s2", "alice", othersGet);
        streams.sessionEnded(new SessionEnded("s1", "alice"));
        assertTrue(listening.ended());
        assertTrue(request.ended());
        assertTrue(get.closed());
        assertTrue(post.closed());
        assertFalse(other.ended());
        assertEquals(1, streams.listeningCount());
        assertEquals(UNKNOWN, streams.resume("s1", "alice", get.ids().get(0), new FakeConnection()));
    }

    @Test
    void theEndOfASessionGivesItsStreamPlacesBackToTheSubject() {
        streams = new SessionStreams(config(4, 2, 100, 32, 100, Duration.ofSeconds(5), 16));
        streams.listen("s1", "alice", new FakeConnection());
        streams.listen("s1", "alice", new FakeConnection());
        streams.sessionEnded(new SessionEnded("s1", "alice"));
        FakeConnection first = new FakeConnection();
        streams.listen("s2", "alice", first);
        streams.listen("s2", "alice", new FakeConnection());
        assertFalse(first.closed());
        assertEquals(2, streams.listeningCount());
    }

    @Test
    void theEndOfASessionForgetsItsStreamsWhoseClientsHadLeftToo() {
        FakeConnection get = new FakeConnection();
        streams.listen("s1", "alice", get);
        get.leave();
        streams.toSession("s1", notification("fails"));
        streams.toSession("s1", notification("waits"));
        streams.sessionEnded(new SessionEnded("s1", "alice"));
        assertEquals(0, streams.listeningCount(), "nothing of the ended session is held for its subject");
    }

    @Test
    void theEndOfASessionEndsItsGetStreamsAlsoBeyondTheResumableLimit() {
        streams = new SessionStreams(config(4, 16, 100, 1, 100, Duration.ofSeconds(5), 16));
        FakeConnection get = new FakeConnection();
        EventStream listening = streams.listen("s1", "alice", get);
        streams.requestStream("s1", "alice", FakeConnection::new).send("{}");
        streams.sessionEnded(new SessionEnded("s1", "alice"));
        assertTrue(listening.ended());
        assertTrue(get.closed(), "no connection outlives its session");
        assertEquals(0, streams.listeningCount());
    }

    @Test
    void stoppingTheApplicationEndsEveryStream() {
        FakeConnection get = new FakeConnection();
        FakeConnection post = new FakeConnection();
        streams.listen("s1", "alice", get);
        streams.requestStream("s2", "bob", () -> post).send("{}");
        streams.stop();
        assertTrue(get.closed());
        assertTrue(post.closed());
        assertEquals(0, streams.listeningCount());
    }

    @Test
    void beyondTheResumableLimitTheLeastRecentlyUsedEndedStreamIsForgottenFirst() {
        streams = new SessionStreams(config(4, 16, 100, 2, 100, Duration.ofSeconds(5), 16));
        FakeConnection endedPost = new FakeConnection();
        EventStream ended = streams.requestStream("s1", "alice", () -> endedPost);
        ended.send("{}");
        FakeConnection openPost = new FakeConnection();
        EventStream open = streams.requestStream("s1", "alice", () -> openPost);
        open.send("{}");
        ended.end();
        streams.requestStream("s1", "alice", FakeConnection::new).send("{}");
        assertEquals(UNKNOWN, streams.resume("s1", "alice", endedPost.ids().get(0), new FakeConnection()));
        assertEquals(RESUMED, streams.resume("s1", "alice", openPost.ids().get(0), new FakeConnection()));
    }

    @Test
    void openStreamsStayResumableBeyondTheLimitAndOnlyEndedOnesAreForgotten() {
        streams = new SessionStreams(config(4, 16, 100, 2, 100, Duration.ofSeconds(5), 16));
        FakeConnection first = new FakeConnection();
        FakeConnection second = new FakeConnection();
        FakeConnection third = new FakeConnection();
        streams.requestStream("s1", "alice", () -> first).send("{}");
        EventStream ending = streams.requestStream("s1", "alice", () -> second);
        ending.send("{}");
        streams.requestStream("s1", "alice", () -> third).send("{}");
        for (FakeConnection open : List.of(first, second, third)) {
            assertEquals(RESUMED, streams.resume("s1", "alice", open.ids().get(0), new FakeConnection()),
                    "an open stream's client may still need its result");
        }
        ending.end();
        streams.requestStream("s1", "alice", FakeConnection::new).send("{}");
        assertEquals(UNKNOWN, streams.resume("s1", "alice", second.ids().get(0), new FakeConnection()),
                "the ended one is forgotten to make room");
        assertEquals(RESUMED, streams.resume("s1", "alice", first.ids().get(0), new FakeConnection()));
    }

    @Test
    void aClientThatStopsReadingDoesNotHoldUpOtherSessions() throws InterruptedException {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeConnection stalled = new FakeConnection(event -> {
            if (!event.data().isEmpty()) {
                writing.countDown();
                EventStreamTest.awaitQuietly(release);
            }
        });
        streams.listen("s1", "alice", stalled);
        Thread sender = new Thread(() -> streams.toSession("s1", notification("stuck")));
        sender.start();
        List<Thread> others = new ArrayList<>();
        try {
            assertTrue(writing.await(5, TimeUnit.SECONDS));
            Thread second = new Thread(() -> streams.toSession("s1", notification("queued")));
            others.add(second);
            second.start();
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                second.join(300);
                FakeConnection bobs = new FakeConnection();
                streams.listen("s2", "bob", bobs);
                streams.toSession("s2", notification("b"));
                assertEquals(List.of("b"), tags(bobs));
            });
        } finally {
            release.countDown();
            sender.join(5000);
            for (Thread other : others) {
                other.join(5000);
            }
        }
    }

    @Test
    void theNotificationsJsonIsWrittenOnce() {
        FakeConnection get = new FakeConnection();
        streams.listen("s1", "alice", get);
        streams.toSession("s1", notification("a"));
        JsonObject message = get.messages().get(0);
        assertEquals("2.0", message.getString("jsonrpc"));
        assertEquals("notifications/tools/list_changed", message.getString("method"));
        assertFalse(message.containsKey("id"));
    }
}
