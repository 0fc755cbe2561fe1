package dev.delegatemcp.server.protocol.stream;

import static dev.delegatemcp.server.protocol.stream.SessionStreams.Resumption.RESUMED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.RequestCancelledException;
import dev.delegatemcp.server.protocol.session.SessionEnded;
import dev.delegatemcp.wire.jsonrpc.JsonRpcCodec;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestChannelTest {

    private static final JsonObject PARAMS = Json.createObjectBuilder().add("q", 1).build();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private static ClientInteractionException failure(ChannelFixture fixture) {
        return assertThrows(ClientInteractionException.class,
                () -> fixture.channel.ask("roots/list", PARAMS, fixture.cancellation, "roots"));
    }

    @Test
    void aRequestThatSendsNothingKeepsItsResponsePlainJson() {
        ChannelFixture fixture = new ChannelFixture();
        assertNull(fixture.channel.openedStream());
        assertEquals(0, fixture.opened.get());
    }

    @Test
    void aNotificationTurnsTheResponseIntoAStreamThatStartsWithThePrimingEvent() {
        ChannelFixture fixture = new ChannelFixture();
        fixture.channel.notify("notifications/progress", PARAMS);
        fixture.channel.notify("notifications/message", PARAMS);
        assertNotNull(fixture.channel.openedStream());
        assertEquals(1, fixture.opened.get());
        FakeConnection connection = fixture.client.connection();
        assertEquals("", connection.events().get(0).data());
        assertEquals(List.of("notifications/progress", "notifications/message"), connection.methods());
        JsonObject first = connection.messages().get(0);
        assertEquals("2.0", first.getString("jsonrpc"));
        assertEquals(PARAMS, first.getJsonObject("params"));
    }

    @Test
    void askSendsAJsonRpcRequestAndReturnsTheClientsAnswer() {
        ChannelFixture fixture = new ChannelFixture();
        fixture.client.result("{\"roots\":[]}");
        JsonRpcMessage answer = fixture.channel.ask("roots/list", PARAMS, fixture.cancellation, "roots");
        assertEquals(Json.createObjectBuilder().add("roots", Json.createArrayBuilder()).build(), answer.result());
        JsonObject request = fixture.client.request();
        assertEquals("2.0", request.getString("jsonrpc"));
        assertEquals("roots/list", request.getString("method"));
        assertTrue(request.getString("id").startsWith("server-"));
        assertEquals(PARAMS, request.getJsonObject("params"));
        assertEquals(0, fixture.outgoing.size(), "nothing waits any more");
    }

    @Test
    void anErrorAnswerIsHandedBackForTheCallerToRead() {
        ChannelFixture fixture = new ChannelFixture();
        fixture.client.error(-32601, "no roots here");
        JsonRpcMessage answer = fixture.channel.ask("roots/list", PARAMS, fixture.cancellation, "roots");
        assertEquals(-32601, answer.error().getInt("code"));
    }

    @Test
    void anUnansweredRequestTimesOutWithASentenceAndIsNoLongerWaitedFor() {
        ChannelFixture fixture = new ChannelFixture(Duration.ofMillis(100));
        ClientInteractionException e = failure(fixture);
        assertEquals(ClientInteractionException.Reason.TIMED_OUT, e.reason());
        assertEquals("The client did not answer the roots request within 100 milliseconds; try again.",
                e.getMessage());
        assertEquals(0, fixture.outgoing.size());
        String id = fixture.client.request().getString("id");
        JsonRpcMessage late = JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"result\":{}}");
        assertFalse(fixture.outgoing.answer(ChannelFixture.SESSION, ChannelFixture.OWNER, late), "a late answer");
    }

    @Test
    void theTimeoutSentenceNamesTheConfiguredDurationInWholeUnits() {
        assertEquals("5 minutes", RequestChannel.describe(Duration.ofMinutes(5)));
        assertEquals("1 minute", RequestChannel.describe(Duration.ofMinutes(1)));
        assertEquals("90 seconds", RequestChannel.describe(Duration.ofSeconds(90)));
        assertEquals("1 second", RequestChannel.describe(Duration.ofSeconds(1)));
        assertEquals("1500 milliseconds", RequestChannel.describe(Duration.ofMillis(1500)));
    }

    @Test
    void aTimedOutRequestIsCancelledTowardsTheClient() {
        ChannelFixture fixture = new ChannelFixture(Duration.ofMillis(50));
        failure(fixture);
        String id = fixture.client.request().getString("id");
        List<JsonObject> notifications = fixture.client.notifications();
        assertEquals(1, notifications.size());
        assertEquals("notifications/cancelled", notifications.get(0).getString("method"));
        assertEquals(id, notifications.get(0).getJsonObject("params").getString("requestId"));
        assertFalse(notifications.get(0).getJsonObject("params").getString("reason").isBlank());
    }

    @Test
    void onlyTheSubjectThatOwnsTheRequestCanAnswerIt() {
        ChannelFixture fixture = new ChannelFixture(Duration.ofMillis(100));
        ClientDouble mallory = new ClientDouble(fixture.outgoing, ChannelFixture.SESSION, "mallory");
        mallory.result("{\"roots\":[]}");
        RequestChannel seenByMallory = new RequestChannel(ChannelFixture.SESSION, ChannelFixture.OWNER,
                fixture.streams, fixture.outgoing, mallory::connection, fixture.config.interactionTimeout());
        ClientInteractionException e = assertThrows(ClientInteractionException.class,
                () -> seenByMallory.ask("roots/list", PARAMS, fixture.cancellation, "roots"));
        assertEquals(ClientInteractionException.Reason.TIMED_OUT, e.reason(), "mallory's answer did not count");
    }

    @Test
    void aCancelledRequestAsksTheClientNothing() {
        ChannelFixture fixture = new ChannelFixture();
        fixture.cancellation.cancel();
        assertThrows(RequestCancelledException.class,
                () -> fixture.channel.ask("roots/list", PARAMS, fixture.cancellation, "roots"));
        assertEquals(0, fixture.opened.get());
        assertEquals(0, fixture.outgoing.size());
    }

    @Test
    void cancellingWhileTheMethodWaitsEndsTheWaitAtOnceWithRequestCancelled() throws Exception {
        ChannelFixture fixture = new ChannelFixture(Duration.ofSeconds(30));
        CountDownLatch asked = new CountDownLatch(1);
        fixture.client.answers(request -> {
            asked.countDown();
            return null;
        });
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread method = new Thread(() -> {
            fixture.cancellation.started();
            try {
                fixture.channel.ask("roots/list", PARAMS, fixture.cancellation, "roots");
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(e);
            } finally {
                fixture.cancellation.finished();
            }
        });
        method.start();
        assertTrue(asked.await(5, TimeUnit.SECONDS));
        fixture.cancellation.cancel();
        Throwable thrown = outcome.get(5, TimeUnit.SECONDS);
        assertTrue(thrown instanceof RequestCancelledException, String.valueOf(thrown));
        method.join(5000);
        assertEquals(0, fixture.outgoing.size());
        List<JsonObject> notifications = fixture.client.notifications();
        assertEquals(1, notifications.size(), "the question is withdrawn at the client: " + notifications);
        assertEquals("notifications/cancelled", notifications.get(0).getString("method"));
        assertEquals(fixture.client.request().getString("id"),
                notifications.get(0).getJsonObject("params").getString("requestId"));
    }

    @Test
    void cancellingEndsTheWaitAlsoWhenTheMethodsThreadIsNotKnown() {
        ChannelFixture fixture = new ChannelFixture(Duration.ofSeconds(30));
        fixture.client.answers(request -> {
            fixture.cancellation.cancel();
            return null;
        });
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(RequestCancelledException.class,
                () -> fixture.channel.ask("roots/list", PARAMS, fixture.cancellation, "roots")));
    }

    @Test
    void theEndOfTheSessionWhileTheMethodWaitsIsDisconnected() {
        ChannelFixture fixture = new ChannelFixture(Duration.ofSeconds(30));
        fixture.client.answers(request -> {
            fixture.outgoing.sessionEnded(new SessionEnded(ChannelFixture.SESSION, ChannelFixture.OWNER));
            return null;
        });
        ClientInteractionException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> failure(fixture));
        assertEquals(ClientInteractionException.Reason.DISCONNECTED, e.reason());
        assertTrue(e.getMessage().contains("roots"), e.getMessage());
    }

    @Test
    void aRequestOnAStreamThatEndedIsDisconnectedAtOnce() {
        ChannelFixture fixture = new ChannelFixture(Duration.ofSeconds(30));
        fixture.channel.notify("notifications/progress", PARAMS);
        fixture.streams.sessionEnded(new SessionEnded(ChannelFixture.SESSION, ChannelFixture.OWNER));
        ClientInteractionException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> failure(fixture));
        assertEquals(ClientInteractionException.Reason.DISCONNECTED, e.reason());
        assertEquals(0, fixture.outgoing.size());
    }

    @Test
    void aRequestWithoutASessionCannotAskTheClient() {
        ChannelFixture fixture = new ChannelFixture();
        RequestChannel sessionless = new RequestChannel(null, ChannelFixture.OWNER, fixture.streams,
                fixture.outgoing, () -> fixture.client.connection(), Duration.ofSeconds(1));
        sessionless.notify("notifications/progress", PARAMS);
        ClientInteractionException e = assertThrows(ClientInteractionException.class,
                () -> sessionless.ask("roots/list", PARAMS, fixture.cancellation, "roots"));
        assertEquals(ClientInteractionException.Reason.DISCONNECTED, e.reason());
        assertTrue(e.getMessage().contains("no session"), e.getMessage());
        assertEquals(List.of(), fixture.client.connection().events());
    }

    @Test
    void tooManyQuestionsOpenInTheSessionAreRefusedWithASentence() {
        ChannelFixture fixture = new ChannelFixture(StreamTesting.config(4, 16, 100, 32, 100,
                Duration.ofSeconds(5), 1));
        fixture.outgoing.expect(ChannelFixture.SESSION, ChannelFixture.OWNER);
        ClientInteractionException e = failure(fixture);
        assertEquals(ClientInteractionException.Reason.REFUSED, e.reason());
        assertTrue(e.getMessage().startsWith("Too many questions"), e.getMessage());
        assertEquals(List.of(), fixture.client.requests());
    }

    @Test
    void anInterruptThatIsNoCancellationIsDisconnectedAndStaysSet() {
        ChannelFixture fixture = new ChannelFixture(Duration.ofSeconds(30));
        Thread.currentThread().interrupt();
        ClientInteractionException e = failure(fixture);
        assertEquals(ClientInteractionException.Reason.DISCONNECTED, e.reason());
        assertTrue(Thread.currentThread().isInterrupted());
        assertEquals(0, fixture.outgoing.size());
    }

    @Test
    void releasingTheConnectionClosesItWhileTheStreamGoesOnForTheClientToPoll() {
        ChannelFixture fixture = new ChannelFixture();
        fixture.channel.releaseConnection();
        FakeConnection post = fixture.client.connection();
        assertTrue(post.closed());
        assertEquals(1, post.events().size(), "the priming event, to resume from");
        EventStream stream = fixture.channel.openedStream();
        assertFalse(stream.ended());
        fixture.channel.notify("notifications/progress", PARAMS);
        FakeConnection poll = new FakeConnection();
        assertEquals(RESUMED,
                fixture.streams.resume(ChannelFixture.SESSION, ChannelFixture.OWNER, post.ids().get(0), poll));
        assertEquals(List.of("notifications/progress"), poll.methods());
    }

    @Test
    void afterTheRequestFinishedNothingOpensItsResponseAndNoQuestionIsAsked() {
        ChannelFixture fixture = new ChannelFixture();
        fixture.channel.finish();
        fixture.channel.notify("notifications/progress", PARAMS);
        fixture.channel.releaseConnection();
        ClientInteractionException e = failure(fixture);
        assertEquals(ClientInteractionException.Reason.DISCONNECTED, e.reason());
        assertEquals(0, fixture.opened.get());
        assertNull(fixture.channel.openedStream());
        assertEquals(0, fixture.outgoing.size());
    }

    @Test
    void aStreamOpenedBeforeTheRequestFinishedStaysOpenForTheResult() {
        ChannelFixture fixture = new ChannelFixture();
        fixture.channel.notify("notifications/progress", PARAMS);
        fixture.channel.finish();
        EventStream stream = fixture.channel.openedStream();
        assertFalse(stream.ended());
        assertTrue(stream.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"));
    }

    @Test
    void aStreamMadeForAQuestionThatWasNeverSentEndsUnopenedWhenTheRequestFinishes() {
        ChannelFixture fixture = new ChannelFixture(StreamTesting.config(4, 16, 100, 32, 100,
                Duration.ofSeconds(5), 1));
        fixture.outgoing.expect(ChannelFixture.SESSION, ChannelFixture.OWNER);
        failure(fixture);
        fixture.channel.finish();
        fixture.channel.notify("notifications/progress", PARAMS);
        assertNull(fixture.channel.openedStream(), "the result goes back as plain JSON");
        assertEquals(0, fixture.opened.get());
    }

    @Test
    void aRequestWithoutSessionSendsItsNotificationsOnItsOwnStreamWithoutEventIdsOrPrimingAndKeepsItsConnection() {
        FakeConnection connection = new FakeConnection();
        RequestChannel channel = RequestChannel.stateless(() -> connection, () -> {
        });
        assertNull(channel.openedStream(), "plain JSON until something is sent");
        channel.releaseConnection();
        assertNull(channel.openedStream(), "nothing to resume in 2026-07-28: releasing opens and closes nothing");
        channel.notify("notifications/progress", PARAMS);
        channel.releaseConnection();
        assertNotNull(channel.openedStream());
        assertFalse(connection.closed(), "the result can only arrive on this connection");
        assertEquals(1, connection.events().size(), "no priming event: " + connection.events());
        assertNull(connection.events().get(0).id(), "no event id: 2026-07-28 streams are not resumable");
        assertEquals("notifications/progress", connection.messages().get(0).getString("method"));
    }

    @Test
    void aClientThatTakesNoEventStreamGetsNoNotificationsAndIsAskedNothingItsAnswerStaysJson() {
        ChannelFixture fixture = new ChannelFixture();
        RequestChannel jsonOnly = new RequestChannel(ChannelFixture.SESSION, ChannelFixture.OWNER, fixture.streams,
                fixture.outgoing, null, fixture.config.interactionTimeout());
        jsonOnly.notify("notifications/progress", PARAMS);
        assertNull(jsonOnly.openedStream());
        ClientInteractionException refused = assertThrows(ClientInteractionException.class,
                () -> jsonOnly.ask("roots/list", PARAMS, fixture.cancellation, "roots"));
        assertEquals(ClientInteractionException.Reason.NOT_SUPPORTED, refused.reason());
        RequestChannel statelessJsonOnly = RequestChannel.stateless(null, () -> {
        });
        statelessJsonOnly.notify("notifications/progress", PARAMS);
        assertNull(statelessJsonOnly.openedStream());
    }

    @Test
    void aClientThatClosesTheResponseStreamOfARequestWithoutSessionIsNoticedOnceAtTheNextWrite() {
        FakeConnection connection = new FakeConnection();
        java.util.concurrent.atomic.AtomicInteger gone = new java.util.concurrent.atomic.AtomicInteger();
        RequestChannel channel = RequestChannel.stateless(() -> connection, gone::incrementAndGet);
        channel.notify("notifications/progress", PARAMS);
        assertEquals(0, gone.get(), "the client is still there");
        connection.leave();
        channel.notify("notifications/progress", PARAMS);
        channel.notify("notifications/progress", PARAMS);
        assertEquals(1, gone.get(), "closing the stream is the cancellation, told once");
    }
}
