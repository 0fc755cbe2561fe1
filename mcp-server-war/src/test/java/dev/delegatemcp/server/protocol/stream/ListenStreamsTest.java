package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class ListenStreamsTest {

    private static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

    /** Records the events written; the client can leave (writes fail from then on). */
    static final class Recording implements StreamConnection {
        final List<SseEvent> events = new CopyOnWriteArrayList<>();
        volatile boolean gone;
        volatile boolean closed;
        volatile int keepAlives;

        @Override
        public boolean write(SseEvent event) {
            if (gone || closed) {
                return false;
            }
            if (event == SseEvent.KEEP_ALIVE) {
                keepAlives++;
            } else {
                events.add(event);
            }
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }

        List<JsonObject> messages() {
            return events.stream().map(event -> json(event.data())).toList();
        }

        JsonObject last() {
            List<JsonObject> messages = messages();
            return messages.get(messages.size() - 1);
        }
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Lets anyone follow any resource: what may be followed is FollowableResources' business, tested there. */
    private static final FollowableResources ANYTHING = (caller, uri) -> true;
    private static final McpCaller ALICE = TestCaller.of("alice");

    /** Opens a stream, which must open. */
    private static ListenStreams.Listener open(ListenStreams streams, JsonValue id, String owner,
            ListenStreams.Filter filter, StreamConnection connection) {
        return streams.tryOpen(id, owner, filter, () -> connection).orElseThrow();
    }

    private final ListenStreams streams = new ListenStreams(new ListenConfig(2, 3, Duration.ofMinutes(1)), ANYTHING);

    private ListenStreams.Filter filter(String notifications) {
        return streams.filter(json("{\"notifications\":" + notifications + "}"), ALICE);
    }

    private static final String BOTH = "{\"resourcesListChanged\":true,\"toolsListChanged\":true,"
            + "\"resourceSubscriptions\":[\"file:///a\"]}";

    @Test
    void theAcknowledgmentIsTheFirstMessageTaggedWithTheSubscriptionId() {
        Recording connection = new Recording();
        open(streams, Json.createValue("listen-1"), "alice", filter(BOTH), connection);
        JsonObject first = connection.messages().get(0);
        assertEquals("notifications/subscriptions/acknowledged", first.getString("method"));
        assertEquals("listen-1", first.getJsonObject("params").getJsonObject("_meta").getString(SUBSCRIPTION_ID));
        assertEquals(1, connection.events.size());
    }

    @Test
    void aNumberSubscriptionIdStaysANumber() {
        Recording connection = new Recording();
        open(streams, Json.createValue(7), "alice", filter(BOTH), connection);
        JsonValue id = connection.messages().get(0).getJsonObject("params").getJsonObject("_meta")
                .get(SUBSCRIPTION_ID);
        assertEquals(Json.createValue(7), id);
    }

    @Test
    void theAcknowledgmentNamesOnlyResourceListChangesAndSubscriptionsNotToolsListChanged() {
        Recording connection = new Recording();
        open(streams, Json.createValue(1), "alice", filter(BOTH), connection);
        JsonObject notifications = connection.messages().get(0).getJsonObject("params")
                .getJsonObject("notifications");
        assertEquals(Set.of("resourcesListChanged", "resourceSubscriptions"), notifications.keySet());
        assertTrue(notifications.getBoolean("resourcesListChanged"));
        assertEquals(List.of("file:///a"), notifications.getJsonArray("resourceSubscriptions")
                .getValuesAs(jakarta.json.JsonString::getString));

        Recording toolsOnly = new Recording();
        open(streams, Json.createValue(2), "bob", filter("{\"toolsListChanged\":true,\"promptsListChanged\":true}"),
                toolsOnly);
        assertEquals(JsonValue.EMPTY_JSON_OBJECT,
                toolsOnly.messages().get(0).getJsonObject("params").getJsonObject("notifications"));
    }

    @Test
    void resourceListChangesReachOnlyTheStreamsThatAskedTaggedWithTheirId() {
        Recording asked = new Recording();
        Recording notAsked = new Recording();
        open(streams, Json.createValue("a"), "alice", filter("{\"resourcesListChanged\":true}"), asked);
        open(streams, Json.createValue("b"), "bob", filter("{\"resourceSubscriptions\":[\"file:///a\"]}"), notAsked);
        streams.resourcesListChanged();
        assertEquals("notifications/resources/list_changed", asked.last().getString("method"));
        assertEquals("a", asked.last().getJsonObject("params").getJsonObject("_meta").getString(SUBSCRIPTION_ID));
        assertEquals(1, notAsked.events.size());
    }

    @Test
    void aResourceUpdateReachesOnlyTheStreamsSubscribedToThatUri() {
        Recording a = new Recording();
        Recording b = new Recording();
        open(streams, Json.createValue("a"), "alice", filter("{\"resourceSubscriptions\":[\"file:///a\"]}"), a);
        open(streams, Json.createValue("b"), "alice", filter("{\"resourceSubscriptions\":[\"file:///b\"]}"), b);
        streams.resourceUpdated("file:///a");
        assertEquals(2, a.events.size());
        assertEquals(1, b.events.size());
        JsonObject update = a.last();
        assertEquals("notifications/resources/updated", update.getString("method"));
        assertEquals("file:///a", update.getJsonObject("params").getString("uri"));
        assertEquals("a", update.getJsonObject("params").getJsonObject("_meta").getString(SUBSCRIPTION_ID));
        streams.resourceUpdated("file:///a/child");
        assertEquals(2, a.events.size());
    }

    @Test
    void filterReadsNothingAsNothing() {
        assertEquals(new ListenStreams.Filter(false, Set.of()), streams.filter(JsonValue.EMPTY_JSON_OBJECT, ALICE));
        assertEquals(new ListenStreams.Filter(false, Set.of()),
                streams.filter(json("{\"notifications\":null}"), ALICE));
        assertEquals(new ListenStreams.Filter(true, Set.of("test://u")),
                filter("{\"resourcesListChanged\":true,\"resourceSubscriptions\":[\"test://u\",\"test://u\"]}"));
    }

    @Test
    void filterRefusesBadShapesWithInvalidParams() {
        for (String bad : new String[] {"[]", "\"all\"", "{\"resourcesListChanged\":\"yes\"}",
            "{\"toolsListChanged\":1}", "{\"promptsListChanged\":{}}", "{\"resourceSubscriptions\":\"file:///a\"}",
            "{\"resourceSubscriptions\":[1]}", "{\"resourceSubscriptions\":[null]}"}) {
            JsonRpcException e = assertThrows(JsonRpcException.class, () -> filter(bad), bad);
            assertEquals(-32602, e.code(), bad);
        }
    }

    @Test
    void filterRefusesMoreUrisThanAllowed() {
        filter("{\"resourceSubscriptions\":[\"t:1\",\"t:2\",\"t:3\"]}");
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> filter("{\"resourceSubscriptions\":[\"t:1\",\"t:2\",\"t:3\",\"t:4\"]}"));
        assertEquals(-32602, e.code());
        assertTrue(e.getMessage().contains("at most 3"), e.getMessage());
    }

    @Test
    void oneStreamMoreThanTheSubjectMayHoldEndsItsOldestGracefully() {
        Recording oldest = new Recording();
        Recording second = new Recording();
        Recording third = new Recording();
        Recording others = new Recording();
        ListenStreams.Filter all = filter(BOTH);
        open(streams, Json.createValue(1), "alice", all, oldest);
        open(streams, Json.createValue(9), "bob", all, others);
        open(streams, Json.createValue(2), "alice", all, second);
        assertFalse(oldest.closed);
        open(streams, Json.createValue(3), "alice", all, third);

        assertTrue(oldest.closed);
        JsonObject last = oldest.last();
        assertEquals(Json.createValue(1), last.get("id"));
        assertEquals("complete", last.getJsonObject("result").getString("resultType"));
        assertEquals(Json.createValue(1),
                last.getJsonObject("result").getJsonObject("_meta").get(SUBSCRIPTION_ID));
        assertFalse(second.closed);
        assertFalse(third.closed);
        assertFalse(others.closed);
        assertEquals(3, streams.openStreams());

        streams.resourcesListChanged();
        assertEquals(2, oldest.events.size());
        assertEquals(2, second.events.size());
    }

    @Test
    void aFailedWriteEndsTheStream() {
        Recording leaving = new Recording();
        Recording staying = new Recording();
        ListenStreams.Listener listener = open(streams, Json.createValue(1), "alice", filter(BOTH), leaving);
        open(streams, Json.createValue(2), "bob", filter(BOTH), staying);
        leaving.gone = true;
        streams.resourcesListChanged();
        assertEquals(1, streams.openStreams());
        // The listen request's thread is let go at once (the keep-alive is a minute away).
        assertTimeoutPreemptively(Duration.ofSeconds(5), listener::await);
        assertEquals(2, staying.events.size());
        assertFalse(staying.closed);
    }

    @Test
    void awaitReturnsWhenTheStreamIsClosed() throws Exception {
        Recording connection = new Recording();
        ListenStreams.Listener listener = open(streams, Json.createValue(1), "alice", filter(BOTH), connection);
        Thread waiting = new Thread(() -> {
            try {
                listener.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.start();
        Thread.sleep(50);
        assertTrue(waiting.isAlive());
        streams.stop();
        waiting.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(waiting.isAlive());
    }

    @Test
    void awaitWritesKeepAlivesAndEndsTheStreamWhenOneFails() throws Exception {
        ListenStreams quick = new ListenStreams(new ListenConfig(2, 3, Duration.ofMillis(20)), ANYTHING);
        Recording connection = new Recording();
        ListenStreams.Listener listener = open(quick, Json.createValue(1), "alice",
                quick.filter(json("{\"notifications\":{\"resourcesListChanged\":true}}"), ALICE), connection);
        Thread leaver = new Thread(() -> {
            while (connection.keepAlives < 2) {
                Thread.onSpinWait();
            }
            connection.gone = true;
        });
        leaver.start();
        assertTimeoutPreemptively(Duration.ofSeconds(5), listener::await);
        leaver.join();
        assertTrue(connection.keepAlives >= 2);
        assertEquals(0, quick.openStreams());
        assertEquals(1, connection.events.size(), "no graceful response to a client that left");
    }

    @Test
    void stopEndsEveryStreamGracefully() {
        Recording a = new Recording();
        Recording b = new Recording();
        open(streams, Json.createValue("a"), "alice", filter(BOTH), a);
        open(streams, Json.createValue("b"), "bob", filter(BOTH), b);
        streams.stop();
        for (Recording connection : List.of(a, b)) {
            assertTrue(connection.closed);
            assertEquals("complete", connection.last().getJsonObject("result").getString("resultType"));
        }
        assertEquals(Json.createValue("b"), b.last().get("id"));
        assertEquals(0, streams.openStreams());
        streams.resourcesListChanged();
        assertEquals(2, a.events.size());
    }

    @Test
    void aServerHoldingMcpListenMaxStreamsOpensNoMoreForAnotherUserButAUserAtTheirOwnLimitMakesRoom() {
        ListenStreams full = new ListenStreams(new ListenConfig(2, 1, 3, Duration.ofMinutes(1)), ANYTHING);
        ListenStreams.Filter none = full.filter(json("{\"notifications\":{\"resourcesListChanged\":true}}"), ALICE);
        Recording alices = new Recording();
        assertTrue(full.tryOpen(Json.createValue(1), "alice", none, () -> alices).isPresent());
        assertTrue(full.tryOpen(Json.createValue(2), "bob", none, Recording::new).isPresent());

        java.util.concurrent.atomic.AtomicBoolean opened = new java.util.concurrent.atomic.AtomicBoolean();
        assertTrue(full.tryOpen(Json.createValue(3), "carol", none, () -> {
            opened.set(true);
            return new Recording();
        }).isEmpty(), "the server is full");
        assertFalse(opened.get(), "a refused stream never turns its response into an event stream");

        Recording alicesSecond = new Recording();
        assertTrue(full.tryOpen(Json.createValue(4), "alice", none, () -> alicesSecond).isPresent(),
                "alice holds her own limit: her oldest ends and makes room");
        assertEquals("complete", alices.last().getJsonObject("result").getString("resultType"));
        assertEquals(2, full.openStreams());
    }

    @Test
    void aStreamThatWouldCarryNothingIsAcknowledgedThenEndedGracefullyAtOnce() {
        Recording connection = new Recording();
        ListenStreams.Listener listener = open(streams, Json.createValue(7), "alice",
                filter("{\"toolsListChanged\":true,\"promptsListChanged\":true}"), connection);
        assertEquals(2, connection.messages().size(), connection.messages().toString());
        assertEquals("notifications/subscriptions/acknowledged", connection.messages().get(0).getString("method"));
        assertEquals("{}", connection.messages().get(0).getJsonObject("params").getJsonObject("notifications")
                .toString());
        assertEquals("complete", connection.last().getJsonObject("result").getString("resultType"));
        assertEquals(0, streams.openStreams(), "no thread held for it");
        assertTimeoutPreemptively(Duration.ofSeconds(1), listener::await);
    }

    @Test
    void resourceSubscriptionsMustBeAbsoluteUris() {
        assertThrows(JsonRpcException.class, () -> filter("{\"resourceSubscriptions\":[\"not a uri\"]}"));
        assertThrows(JsonRpcException.class, () -> filter("{\"resourceSubscriptions\":[\"relative/path\"]}"));
    }

    @Test
    void aCallerFollowsOnlyTheResourcesTheyMayReadTheAcknowledgmentNamesOnlyThose() {
        McpCaller alice = TestCaller.of("alice");
        ListenStreams guarded = new ListenStreams(new ListenConfig(2, 3, Duration.ofMinutes(1)),
                (caller, uri) -> caller == alice && uri.equals("test://mine"));
        ListenStreams.Filter filter = guarded.filter(json("{\"notifications\":{\"resourceSubscriptions\":"
                + "[\"test://mine\",\"test://secret\"]}}"), alice);
        assertEquals(Set.of("test://mine"), filter.resources());
        Recording connection = new Recording();
        open(guarded, Json.createValue(9), "alice", filter, connection);
        assertEquals("{\"resourceSubscriptions\":[\"test://mine\"]}",
                connection.messages().get(0).getJsonObject("params").getJsonObject("notifications").toString());
        guarded.resourceUpdated("test://secret");
        assertEquals(1, connection.messages().size(), "nothing of a resource alice may not read");
        assertEquals(Set.of(), guarded.filter(json("{\"notifications\":{\"resourceSubscriptions\":"
                + "[\"test://mine\"]}}"), null).resources(), "an unknown caller follows nothing");
    }
}
