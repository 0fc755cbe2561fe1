package dev.delegatemcp.server.protocol.stream;

import static dev.delegatemcp.server.protocol.stream.FakeConnection.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.delegatemcp.api.interaction.McpLog;
import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.server.protocol.logging.ClientLogLevels;
import dev.delegatemcp.server.protocol.session.McpSession;
import dev.delegatemcp.wire.jsonrpc.JsonRpcCodec;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.json.Json;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InteractionsTest {

    private static final McpSession SESSION = new McpSession("s1", "alice", ProtocolVersion.LATEST,
            new ClientCapabilities(true, true, false, true));

    private final Interactions interactions = new Interactions();
    private final ClientMessages clientMessages = new ClientMessages();
    private final FakeConnection post = new FakeConnection();
    private final AtomicInteger opened = new AtomicInteger();

    InteractionsTest() {
        StreamConfig config = StreamTesting.config();
        interactions.streams = new SessionStreams(config);
        interactions.outgoing = new OutgoingRequests(config);
        interactions.inFlight = new InFlightRequests();
        interactions.levels = new ClientLogLevels();
        interactions.config = config;
        clientMessages.inFlight = interactions.inFlight;
        clientMessages.outgoing = interactions.outgoing;
    }

    @AfterEach
    void clearInterruptAndCurrentRequest() {
        Thread.interrupted();
        CurrentRequest.clear();
    }

    private static JsonRpcMessage request(String id, String params) {
        return JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":"
                + params + "}");
    }

    private RequestInteraction begin(JsonRpcMessage request) {
        return interactions.begin(request, TestCaller.of("alice"), SESSION, () -> {
            opened.incrementAndGet();
            return post;
        });
    }

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String HEADER_TRACEPARENT = "00-11111111111111111111111111111111-2222222222222222-00";

    private RequestInteraction begin(JsonRpcMessage request, Optional<TraceContext> transportTrace) {
        return interactions.begin(request, TestCaller.of("alice"), SESSION, () -> post, transportTrace);
    }

    private void cancel(String requestIdJson) {
        clientMessages.notification(JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                + "\"params\":{\"requestId\":" + requestIdJson + ",\"reason\":\"stop\"}}"), SESSION);
    }

    @Test
    void aSessionRequestsTraceContextIsThatOfItsMeta() {
        RequestInteraction interaction = begin(request("1", "{\"name\":\"t\",\"_meta\":{\"traceparent\":\""
                + TRACEPARENT + "\",\"tracestate\":\"congo=t61rcWkgMzE\"}}"), Optional.empty());
        assertEquals(TraceContext.of(TRACEPARENT, "congo=t61rcWkgMzE"), interaction.traceContext());
        assertEquals(interaction.traceContext(), new CurrentRequest().traceContext(), "and the current request's");
    }

    @Test
    void aSessionRequestWithoutTraceContextInMetaHasThatOfTheHttpHeaders() {
        Optional<TraceContext> headers = TraceContext.of(HEADER_TRACEPARENT, null);
        assertEquals(headers, begin(request("1", "{\"name\":\"t\"}"), headers).traceContext());
    }

    @Test
    void theTraceContextOfMetaWinsOverThatOfTheHttpHeaders() {
        RequestInteraction interaction = begin(request("1", "{\"_meta\":{\"traceparent\":\"" + TRACEPARENT + "\"}}"),
                TraceContext.of(HEADER_TRACEPARENT, null));
        assertEquals(TRACEPARENT, interaction.traceContext().orElseThrow().traceparent());
    }

    @Test
    void anInvalidTraceparentInMetaLeavesTheHttpHeadersOrNone() {
        JsonRpcMessage invalid = request("1", "{\"_meta\":{\"traceparent\":\"00-xyz\",\"tracestate\":\"a=1\"}}");
        assertEquals(Optional.empty(), begin(invalid, Optional.empty()).traceContext());
        assertEquals(TraceContext.of(HEADER_TRACEPARENT, null),
                begin(invalid, TraceContext.of(HEADER_TRACEPARENT, null)).traceContext());
    }

    @Test
    void aRequestWithoutSessionHasTheTraceContextItWasGiven() {
        Optional<TraceContext> trace = TraceContext.of(TRACEPARENT, "a=1");
        RequestInteraction interaction = interactions.beginStateless(request("1", "{}"), TestCaller.of("alice"),
                new ClientCapabilities(false, false, false, false), Optional.empty(), () -> post, null, trace);
        try {
            assertEquals(trace, interaction.traceContext());
        } finally {
            interactions.endStateless(interaction);
        }
    }

    @Test
    void closingTheResponseStreamOfARequestWithoutSessionCancelsIt() {
        FakeConnection connection = new FakeConnection();
        RequestInteraction interaction = interactions.beginStateless(
                request("1", "{\"_meta\":{\"progressToken\":\"p\"}}"), TestCaller.of("alice"),
                new ClientCapabilities(false, false, false, false), Optional.empty(), () -> connection, null,
                Optional.empty());
        try {
            interaction.progress().report(1, 3.0, "one");
            assertFalse(interaction.cancellation().isCancelled());
            connection.leave();
            interaction.progress().report(2, 3.0, "two");
            assertTrue(interaction.cancellation().isCancelled(), "the client closed the stream: cancelled (MCP "
                    + "2026-07-28, Streamable HTTP, Cancellation)");
        } finally {
            interactions.endStateless(interaction);
        }
    }

    @Test
    void theProgressTokenIsAStringOrAnIntegerFromMeta() {
        assertEquals(Json.createValue("abc"),
                Interactions.progressToken(json("{\"_meta\":{\"progressToken\":\"abc\"}}")));
        assertEquals(Json.createValue(7), Interactions.progressToken(json("{\"_meta\":{\"progressToken\":7}}")));
        assertEquals(Json.createValue(-7), Interactions.progressToken(json("{\"_meta\":{\"progressToken\":-7}}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"progressToken\":\"abc\"}", "{\"_meta\":{}}", "{\"_meta\":\"abc\"}",
        "{\"_meta\":{\"progressToken\":1.5}}", "{\"_meta\":{\"progressToken\":true}}",
        "{\"_meta\":{\"progressToken\":null}}", "{\"_meta\":{\"progressToken\":{}}}"})
    void anythingElseIsNoProgressToken(String params) {
        assertNull(Interactions.progressToken(json(params)));
    }

    @Test
    void progressIsSentWithTheRequestsTokenOnTheRequestsOwnStream() {
        RequestInteraction interaction = begin(request("1", "{\"name\":\"t\",\"_meta\":{\"progressToken\":\"p\"}}"));
        assertTrue(interaction.progress().requested());
        interaction.progress().report(1, 2);
        assertEquals("p", post.messages().get(0).getJsonObject("params").getString("progressToken"));
        assertSame(interaction.openedStream(), interaction.openedStream());
        interactions.end(request("1", "{}"), SESSION, interaction);
    }

    @Test
    void withoutATokenProgressSendsNothing() {
        RequestInteraction interaction = begin(request("1", "{\"name\":\"t\"}"));
        assertFalse(interaction.progress().requested());
        interaction.progress().report(1);
        assertEquals(0, opened.get());
        assertNull(interaction.openedStream());
    }

    @Test
    void logMessagesFollowTheSessionsLevelAndNameWhatIsServed() {
        RequestInteraction interaction = begin(request("1", "{\"name\":\"calendar_events\"}"));
        interaction.log().info("before setLevel");
        assertEquals(0, opened.get());
        interactions.levels.set(SESSION.id(), McpLog.Level.INFO);
        interaction.log().debug("below");
        interaction.log().info("at");
        assertEquals(List.of(json("{\"level\":\"info\",\"logger\":\"calendar_events\",\"data\":\"at\"}")),
                post.messages().stream().map(m -> m.getJsonObject("params")).toList());
    }

    @Test
    void theLoggerNameIsTheToolOrPromptNameTheResourceUriOrTheCompletionsReference() {
        assertEquals("t", Interactions.loggerName(json("{\"name\":\"t\",\"arguments\":{}}")));
        assertEquals("file:///a", Interactions.loggerName(json("{\"uri\":\"file:///a\"}")));
        assertEquals("greeting", Interactions.loggerName(json(
                "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"greeting\"},\"argument\":{\"name\":\"x\",\"value\":\"\"}}")));
        assertNull(Interactions.loggerName(json("{}")));
        assertNull(Interactions.loggerName(json("{\"name\":3}")));
    }

    @Test
    void theClientsCapabilitiesDecideWhatTheRequestMayAsk() {
        RequestInteraction interaction = begin(request("1", "{}"));
        assertTrue(interaction.sampling().supported());
        assertTrue(interaction.elicitation().formSupported());
        assertFalse(interaction.elicitation().urlSupported());
        assertTrue(interaction.roots().supported());
        assertEquals("alice", interaction.caller().subject());
    }

    @Test
    void theRequestIsTheCurrentOneOnItsThreadUntilItEnds() throws InterruptedException {
        CurrentRequest current = new CurrentRequest();
        RequestInteraction interaction = begin(request("1", "{\"name\":\"t\"}"));
        assertSame(interaction.cancellation(), current.cancellation());
        assertSame(interaction.caller(), current.caller());
        Thread other = new Thread(() -> assertThrows(IllegalStateException.class, current::caller));
        other.start();
        other.join(5000);
        interactions.end(request("1", "{}"), SESSION, interaction);
        assertThrows(IllegalStateException.class, current::caller);
    }

    @Test
    void endingTwiceIsHarmless() {
        RequestInteraction interaction = begin(request("1", "{\"name\":\"t\"}"));
        interactions.end(request("1", "{}"), SESSION, interaction);
        interactions.end(request("1", "{}"), SESSION, interaction);
        assertEquals(0, interactions.inFlight.size());
    }

    @Test
    void aRunningRequestIsCancelledByTheClientsNotificationAndInterrupted() {
        RequestInteraction interaction = begin(request("\"r-1\"", "{}"));
        cancel("\"r-1\"");
        assertTrue(interaction.cancellation().isCancelled());
        assertTrue(Thread.currentThread().isInterrupted(), "the method's thread is interrupted");
        interactions.end(request("\"r-1\"", "{}"), SESSION, interaction);
        assertFalse(Thread.currentThread().isInterrupted(), "and cleared when it returns");
    }

    @Test
    void aFinishedRequestIsNoLongerCancelled() {
        RequestInteraction interaction = begin(request("5", "{}"));
        interactions.end(request("5", "{}"), SESSION, interaction);
        cancel("5");
        assertFalse(interaction.cancellation().isCancelled());
        assertEquals(0, interactions.inFlight.size());
    }

    @Test
    void nothingTheMethodLeftRunningOpensTheResponseAfterTheRequestEnded() {
        interactions.levels.set(SESSION.id(), McpLog.Level.DEBUG);
        RequestInteraction interaction = begin(request("1", "{\"name\":\"t\",\"_meta\":{\"progressToken\":1}}"));
        interactions.end(request("1", "{}"), SESSION, interaction);
        interaction.progress().report(1);
        interaction.log().info("late");
        interaction.releaseConnection();
        interaction.elicitation().complete("e");
        assertEquals(0, opened.get(), "the response was answered as plain JSON already");
        assertNull(interaction.openedStream());
    }

    @Test
    void aStreamThatOpenedDuringTheRequestStaysOpenForItsResult() {
        interactions.levels.set(SESSION.id(), McpLog.Level.DEBUG);
        RequestInteraction interaction = begin(request("1", "{\"name\":\"t\"}"));
        interaction.log().info("during");
        interactions.end(request("1", "{}"), SESSION, interaction);
        EventStream stream = interaction.openedStream();
        assertTrue(stream.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"));
        assertEquals(2, post.messages().size());
    }

    @Test
    void aRequestThatAskedTheClientButWasRefusedBeforeSendingStaysPlainJson() {
        StreamConfig one = StreamTesting.config(4, 16, 100, 32, 100, java.time.Duration.ofSeconds(5), 1);
        interactions.outgoing = new OutgoingRequests(one);
        interactions.outgoing.expect(SESSION.id(), SESSION.owner());
        RequestInteraction interaction = begin(request("1", "{\"name\":\"t\"}"));
        try {
            interaction.roots().list();
        } catch (RuntimeException expected) {
            // too many questions open
        }
        interactions.end(request("1", "{}"), SESSION, interaction);
        interactions.streams.sessionEnded(new dev.delegatemcp.server.protocol.session.SessionEnded("s1", "alice"));
        assertNull(interaction.openedStream(), "its result goes back as plain JSON");
        assertEquals(0, opened.get());
    }

    @Test
    void aLaterRequestWithTheSameIdIsTheOneCancelled() {
        RequestInteraction interaction = begin(request("9", "{}"));
        interactions.end(request("9", "{}"), SESSION, interaction);
        RequestInteraction second = begin(request("9", "{}"));
        cancel("9");
        assertTrue(second.cancellation().isCancelled());
        assertFalse(interaction.cancellation().isCancelled());
        interactions.end(request("9", "{}"), SESSION, second);
    }
}
