package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class EventStreamTest {

    private static final long RETRY = 1500;

    private static EventStream get(String id, FakeConnection connection) {
        return EventStream.open(id, 100, RETRY, connection);
    }

    @Test
    void aGetStreamStartsWithThePrimingEventIdRetryAndEmptyData() {
        FakeConnection connection = new FakeConnection();
        get("s", connection);
        assertEquals(List.of(new SseEvent("s_1", "", RETRY)), connection.events());
    }

    @Test
    void eventIdsAreTheStreamIdAndAnIncreasingSequence() {
        FakeConnection connection = new FakeConnection();
        EventStream stream = get("s", connection);
        stream.send("{\"a\":1}");
        stream.send("{\"a\":2}");
        assertEquals(List.of("s_1", "s_2", "s_3"), connection.ids());
        assertEquals(List.of("{\"a\":1}", "{\"a\":2}"), connection.data());
        assertTrue(connection.events().stream().skip(1).allMatch(event -> event.retryMillis() == null),
                "only the priming event announces the retry");
    }

    @Test
    void twoStreamsNeverShareAnEventId() {
        FakeConnection first = new FakeConnection();
        FakeConnection second = new FakeConnection();
        EventStream a = get("a", first);
        EventStream b = get("b", second);
        a.send("{}");
        b.send("{}");
        assertTrue(first.ids().stream().noneMatch(second.ids()::contains));
    }

    @Test
    void aPostStreamOpensItsConnectionOnlyWhenItsFirstMessageIsSent() {
        AtomicInteger opened = new AtomicInteger();
        FakeConnection connection = new FakeConnection();
        EventStream stream = EventStream.opening("p", 100, RETRY, () -> {
            opened.incrementAndGet();
            return connection;
        });
        assertEquals(0, opened.get());
        assertFalse(stream.opened(), "the response can still be plain JSON");
        assertFalse(stream.connected());
        stream.send("{\"n\":1}");
        stream.send("{\"n\":2}");
        assertEquals(1, opened.get(), "opened once");
        assertTrue(stream.opened());
        assertTrue(stream.connected());
        assertEquals(List.of(new SseEvent("p_1", "", RETRY), new SseEvent("p_2", "{\"n\":1}", null),
                new SseEvent("p_3", "{\"n\":2}", null)), connection.events(), "priming first, then the messages");
    }

    @Test
    void aMessageSentWhileTheClientIsAwayIsKeptAndReplayedOnResumption() {
        FakeConnection first = new FakeConnection();
        EventStream stream = get("s", first);
        stream.send("{\"n\":1}");
        first.leave();
        assertTrue(stream.send("{\"n\":2}"), "the stream goes on without a client");
        assertFalse(stream.connected());
        stream.send("{\"n\":3}");
        FakeConnection second = new FakeConnection();
        stream.resume(stream.sequenceOf("s_2"), second);
        assertEquals(List.of("s_3", "s_4"), second.ids());
        assertEquals(List.of("{\"n\":2}", "{\"n\":3}"), second.data());
        assertTrue(stream.connected());
    }

    @Test
    void resumptionReplaysOnlyTheEventsAfterTheGivenOneAndNotThePrimingEvent() {
        FakeConnection first = new FakeConnection();
        EventStream stream = get("s", first);
        for (int i = 1; i <= 4; i++) {
            stream.send("{\"n\":" + i + "}");
        }
        FakeConnection fromPriming = new FakeConnection();
        stream.resume(1, fromPriming);
        assertEquals(List.of("s_2", "s_3", "s_4", "s_5"), fromPriming.ids());
        FakeConnection fromThird = new FakeConnection();
        stream.resume(4, fromThird);
        assertEquals(List.of("s_5"), fromThird.ids());
        FakeConnection fromLast = new FakeConnection();
        assertTrue(stream.resume(5, fromLast), "a stream that goes on is resumed even with nothing to replay");
        assertEquals(List.of(), fromLast.ids(), "nothing missed, nothing replayed");
    }

    @Test
    void theResumingConnectionCarriesTheStreamAndThePreviousOneIsClosed() {
        FakeConnection first = new FakeConnection();
        EventStream stream = get("s", first);
        FakeConnection second = new FakeConnection();
        stream.resume(1, second);
        assertTrue(first.closed());
        stream.send("{\"after\":true}");
        assertEquals(List.of("{\"after\":true}"), second.data());
        assertEquals(List.of(), first.data());
        assertFalse(second.closed());
    }

    @Test
    void resumingAnEndedStreamReplaysWhatItKeptThenClosesTheConnection() {
        FakeConnection first = new FakeConnection();
        EventStream stream = get("s", first);
        stream.send("{\"n\":1}");
        first.leave();
        stream.send("{\"result\":{}}");
        stream.end();
        FakeConnection second = new FakeConnection();
        assertTrue(stream.resume(1, second));
        assertEquals(List.of("{\"n\":1}", "{\"result\":{}}"), second.data());
        assertTrue(second.closed());
        assertFalse(stream.connected());
        assertTrue(stream.ended());
    }

    @Test
    void resumingAnEndedStreamAfterItsLastEventFindsNothingToResumeAndLeavesTheConnectionAlone() {
        FakeConnection first = new FakeConnection();
        EventStream stream = get("s", first);
        stream.send("{\"n\":1}");
        stream.end();
        FakeConnection again = new FakeConnection();
        assertFalse(stream.resume(2, again));
        assertFalse(stream.resume(7, again));
        EventStream quiet = get("q", new FakeConnection());
        quiet.end();
        assertFalse(quiet.resume(1, again), "an ended stream that sent nothing");
        assertEquals(List.of(), again.events());
        assertFalse(again.closed());
        assertTrue(stream.resume(1, again), "one event left to replay");
    }

    @Test
    void aStreamKeepsOnlyItsLastReplayLimitEvents() {
        FakeConnection first = new FakeConnection();
        EventStream stream = EventStream.open("s", 3, RETRY, first);
        for (int i = 1; i <= 5; i++) {
            stream.send("{\"n\":" + i + "}");
        }
        FakeConnection second = new FakeConnection();
        stream.resume(0, second);
        assertEquals(List.of("{\"n\":3}", "{\"n\":4}", "{\"n\":5}"), second.data());
    }

    @Test
    void closingTheConnectionKeepsTheStreamGoingForTheClientToPoll() {
        FakeConnection first = new FakeConnection();
        EventStream stream = get("s", first);
        stream.closeConnection();
        assertTrue(first.closed());
        assertFalse(stream.connected());
        assertFalse(stream.ended());
        assertTrue(stream.send("{\"later\":1}"), "kept for the client's poll");
        FakeConnection poll = new FakeConnection();
        stream.resume(1, poll);
        assertEquals(List.of("{\"later\":1}"), poll.data());
        assertTrue(stream.connected());
    }

    @Test
    void closingTheConnectionOfAnUnopenedStreamFirstSendsThePrimingEventToResumeFrom() {
        FakeConnection connection = new FakeConnection();
        EventStream stream = EventStream.opening("p", 100, RETRY, () -> connection);
        stream.closeConnection();
        assertEquals(List.of(new SseEvent("p_1", "", RETRY)), connection.events());
        assertTrue(connection.closed());
        assertTrue(stream.opened());
        assertFalse(stream.ended());
    }

    @Test
    void anEndedStreamSendsNothingAndClosesItsConnection() {
        FakeConnection connection = new FakeConnection();
        EventStream stream = get("s", connection);
        stream.end();
        assertTrue(connection.closed());
        assertTrue(stream.ended());
        assertFalse(stream.send("{}"));
        assertEquals(List.of(), connection.data());
    }

    @Test
    void endingAStreamThatNeverOpenedNeitherOpensItNorCountsAsOpened() {
        AtomicInteger opened = new AtomicInteger();
        EventStream stream = EventStream.opening("p", 100, RETRY, () -> {
            opened.incrementAndGet();
            return new FakeConnection();
        });
        stream.end();
        assertFalse(stream.send("{}"));
        stream.closeConnection();
        assertEquals(0, opened.get());
        assertFalse(stream.opened(), "its response can still be plain JSON");
    }

    @Test
    void endUnopenedEndsOnlyAStreamThatNeverOpened() {
        AtomicInteger opened = new AtomicInteger();
        EventStream unopened = EventStream.opening("p", 100, RETRY, () -> {
            opened.incrementAndGet();
            return new FakeConnection();
        });
        assertTrue(unopened.endUnopened());
        assertTrue(unopened.ended());
        assertFalse(unopened.send("{}"));
        assertEquals(0, opened.get());
        FakeConnection connection = new FakeConnection();
        EventStream sent = EventStream.opening("q", 100, RETRY, () -> connection);
        sent.send("{}");
        assertFalse(sent.endUnopened());
        assertFalse(sent.ended());
        assertFalse(connection.closed());
    }

    @Test
    void aWriteThatFailsDuringReplayLeavesTheStreamWithoutAConnection() {
        FakeConnection first = new FakeConnection();
        EventStream stream = get("s", first);
        stream.send("{\"n\":1}");
        FakeConnection broken = new FakeConnection();
        broken.leave();
        stream.resume(1, broken);
        assertFalse(stream.connected());
        assertTrue(stream.send("{\"n\":2}"), "kept for the next resumption");
        FakeConnection third = new FakeConnection();
        stream.resume(1, third);
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), third.data());
    }

    @Test
    void aPrimingEventThatCannotBeWrittenLeavesTheStreamWithoutAConnection() {
        FakeConnection gone = new FakeConnection();
        gone.leave();
        EventStream stream = get("s", gone);
        assertFalse(stream.connected());
        stream.send("{\"n\":1}");
        FakeConnection back = new FakeConnection();
        stream.resume(1, back);
        assertEquals(List.of("s_2"), back.ids());
    }

    @Test
    void sequenceOfReadsOnlyTheIdsOfThisStream() {
        EventStream stream = get("ab_c", new FakeConnection());
        assertEquals(7, stream.sequenceOf("ab_c_7"));
        assertEquals(-1, stream.sequenceOf("ab_d_7"), "another stream's id");
        assertEquals(-1, stream.sequenceOf("ab_c"));
        assertEquals(-1, stream.sequenceOf("ab_c_x"));
        assertEquals(-1, stream.sequenceOf("ab_c_"));
        assertEquals(-1, stream.sequenceOf("ab"));
    }

    @Test
    void streamIdOfCutsAtTheLastUnderscoreSinceStreamIdsMayHoldOne() {
        assertEquals("ab_c", EventStream.streamIdOf("ab_c_7"));
        assertEquals("s", EventStream.streamIdOf("s_1"));
        assertNull(EventStream.streamIdOf("s1"));
        assertNull(EventStream.streamIdOf("_1"));
        assertNotEquals("s", EventStream.streamIdOf("s_1_2"));
    }

    @Test
    void askingAStreamAboutItsStateNeverWaitsForAWriteThatHangs() throws InterruptedException {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeConnection stalled = new FakeConnection(event -> {
            if (!event.data().isEmpty()) {
                writing.countDown();
                awaitQuietly(release);
            }
        });
        EventStream stream = get("s", stalled);
        Thread sender = new Thread(() -> stream.send("{}"));
        sender.start();
        try {
            assertTrue(writing.await(5, TimeUnit.SECONDS));
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                assertTrue(stream.connected());
                assertFalse(stream.ended());
                assertTrue(stream.opened());
            }, "a client that stops reading must not hold up whoever looks at its stream");
        } finally {
            release.countDown();
            sender.join(5000);
        }
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void endingAStreamDoesNotWaitForAWriteThatHangsOnAClientThatStoppedReading() throws Exception {
        java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        StreamConnection stuck = new StreamConnection() {
            @Override
            public synchronized boolean write(SseEvent event) {
                if (!event.data().isEmpty()) {
                    writing.countDown();
                    try {
                        closed.await(); // as a servlet write blocks until the connection is closed
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return false;
                }
                return true;
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
        EventStream stream = EventStream.open("s", 10, 1000, stuck);
        Thread writer = new Thread(() -> stream.send("{}"));
        writer.start();
        assertTrue(writing.await(5, java.util.concurrent.TimeUnit.SECONDS));
        Thread ender = new Thread(stream::end);
        ender.start();
        ender.join(5000);
        assertFalse(ender.isAlive(), "end() returned although the write still held the stream");
        writer.join(5000);
        assertTrue(stream.ended());
    }
}
