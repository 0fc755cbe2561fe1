package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.it.support.McpEventStream;
import dev.delegatemcp.it.support.McpHttp;
import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.it.support.Node;
import dev.delegatemcp.it.support.TestTokens;
import dev.delegatemcp.it.tools.InteractionTools;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tool talking with the client while it runs (MCP 2025-11-25: progress, logging, cancellation, sampling, form
 * elicitation), driven by the official TypeScript SDK client end to end and checked on the wire with raw HTTP; and the
 * streams around it (a GET stream ends with its session).
 */
@ExtendWith(ArquillianExtension.class)
class McpInteractionIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEarWithTools(InteractionTools.class.getPackage());
    }

    private static JsonObject sdk(String scenario, String subject) {
        Node.Result result = Node.run(Map.of("MCP_URL", McpTestServer.resource(), "MCP_TOKEN",
                TestTokens.user(subject).sign()), 120, "sdk-interactions.mjs", scenario);
        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        return result.json();
    }

    private static String text(JsonObject callToolResult) {
        return callToolResult.getJsonArray("content").getJsonObject(0).getString("text");
    }

    @Test
    void sdkClientReceivesProgressWithItsTokenAndLogMessagesAtOrAboveTheLevelItSet() {
        JsonObject out = sdk("progress-and-log", "alice");

        JsonArray progress = out.getJsonArray("progress");
        assertEquals(3, progress.size(), out.toString());
        for (int step = 1; step <= 3; step++) {
            JsonObject notification = progress.getJsonObject(step - 1);
            assertEquals(step, notification.getInt("progress"));
            assertEquals(3, notification.getInt("total"));
            assertEquals("step " + step + " of 3", notification.getString("message"));
        }
        assertEquals("progress requested: true", out.getString("progressResult"));
        assertEquals("progress requested: false", out.getString("progressResultWithoutToken"));
        assertEquals(0, out.getInt("progressNotificationsWithoutToken"));

        assertEquals(List.of(), out.getJsonArray("loggedBeforeSetLevel"), "nothing before logging/setLevel");
        assertEquals("logged", out.getString("logResult"));
        JsonArray logged = out.getJsonArray("loggedAtInfo");
        assertEquals(2, logged.size(), "info and warning, not debug: " + logged);
        assertEquals("info", logged.getJsonObject(0).getString("level"));
        assertEquals("at the level", logged.getJsonObject(0).getString("data"));
        assertEquals("warning", logged.getJsonObject(1).getString("level"));
        assertEquals("above the level", logged.getJsonObject(1).getJsonObject("data").getString("note"));
        assertEquals("e2e_log", logged.getJsonObject(0).getString("logger"), "the logger is the tool");
    }

    @Test
    void sdkClientCancelsASlowToolWhichSeesItAndNoResponseIsSent() {
        JsonObject out = sdk("cancel", "alice");

        assertEquals("waiting to be cancelled", out.getString("progressBeforeCancel"), out.toString());
        assertEquals("the user changed their mind", out.getJsonObject("outcome").getString("message")
                .replace("MCP error -32001: ", ""), "the SDK rejects the call with the reason: " + out);
        JsonObject cancelled = out.getJsonArray("cancelledSent").getJsonObject(0);
        assertEquals(out.get("requestId"), cancelled.get("requestId"));
        assertEquals("interrupted=true, cancelled=true", out.getString("seenByTool"),
                "the tool's thread was interrupted and its cancellation says so");
        assertEquals(List.of(), out.getJsonArray("answersToCancelled"), "no response for the cancelled request");
        assertEquals(List.of(), out.getJsonArray("unknownIdErrors"));
        assertEquals("progress requested: false", out.getString("afterwards"), "the session goes on");
    }

    @Test
    void cancelledCallsStreamEndsWithoutAResponseOnTheWire() {
        String token = TestTokens.user("alice").sign();
        McpHttp alice = McpHttp.withToken(token).initialize();
        String key = "raw-" + System.nanoTime();
        String call = "{\"jsonrpc\":\"2.0\",\"id\":41,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"e2e_wait_for_cancel\",\"arguments\":{\"key\":\"" + key
                + "\"},\"_meta\":{\"progressToken\":\"p1\"}}}";
        try (McpEventStream stream = McpEventStream.post(token, alice.sessionId(), call)) {
            assertEquals(200, stream.status());
            assertTrue(stream.isEventStream(), stream.header("Content-Type").orElse(""));
            McpEventStream.Event priming = stream.nextEvent(WAIT);
            assertEquals("", priming.data(), "a priming event first");
            JsonObject progress = stream.nextEvent(WAIT).json();
            assertEquals("notifications/progress", progress.getString("method"));
            assertEquals("p1", progress.getJsonObject("params").getString("progressToken"));

            McpHttp.Response cancel = alice.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                    + "\"params\":{\"requestId\":41,\"reason\":\"changed my mind\"}}");
            assertEquals(202, cancel.status());
            List<McpEventStream.Event> rest = stream.awaitEnd(WAIT);
            assertEquals(List.of(), rest, "the stream ends, and nothing answers request 41");
        }
        assertEquals("interrupted=true, cancelled=true", seen(alice, key));
    }

    /** What the caller's e2e_wait_for_cancel call with that key saw, once it wrote it down. */
    private static String seen(McpHttp client, String key) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String seen;
        do {
            seen = text(client.callTool("e2e_cancellation_seen", "{\"key\":\"" + key + "\"}")
                    .getJsonObject("result"));
        } while (seen.equals("nothing yet") && System.nanoTime() < deadline);
        return seen;
    }

    @Test
    void sdkClientAnswersSamplingAndFormElicitationAndTheToolGetsTheAnswers() {
        JsonObject out = sdk("sampling-and-elicitation", "alice");

        JsonObject sampling = out.getJsonObject("samplingRequest");
        assertEquals("what is six times seven?",
                sampling.getJsonArray("messages").getJsonObject(0).getJsonObject("content").getString("text"));
        assertEquals("user", sampling.getJsonArray("messages").getJsonObject(0).getString("role"));
        assertEquals("Answer in one sentence.", sampling.getString("systemPrompt"));
        assertEquals(50, sampling.getInt("maxTokens"));
        JsonObject sampled = out.getJsonObject("sampled");
        assertFalse(sampled.getBoolean("isError", false), sampled.toString());
        assertEquals("ASSISTANT (e2e-model): the answer to \"what is six times seven?\" is 42", text(sampled));

        JsonObject elicitation = out.getJsonObject("elicitationRequest");
        assertEquals("Who is coming to dinner?", elicitation.getString("message"));
        JsonObject schema = elicitation.getJsonObject("requestedSchema");
        assertEquals("object", schema.getString("type"));
        assertEquals(List.of("name", "guests", "vegetarian", "size"),
                List.copyOf(schema.getJsonObject("properties").keySet()));
        assertEquals("integer", schema.getJsonObject("properties").getJsonObject("guests").getString("type"));
        JsonObject elicited = out.getJsonObject("elicited");
        assertFalse(elicited.getBoolean("isError", false), elicited.toString());
        JsonObject answer = elicited.getJsonObject("structuredContent");
        assertEquals("ACCEPT", answer.getString("action"));
        assertEquals("Alice", answer.getString("name"));
        assertEquals(3, answer.getInt("guests"));
        assertTrue(answer.getBoolean("vegetarian"));
        assertEquals("l", answer.getString("size"));
    }

    @Test
    void samplingOrElicitationOnAClientThatDidNotDeclareItIsAnErrorResultAtOnce() {
        McpHttp client = McpHttp.withToken(TestTokens.user("alice").sign()).initialize();
        long started = System.nanoTime();
        JsonObject sampled = client.callTool("e2e_ask_model", "{\"question\":\"anyone there?\"}")
                .getJsonObject("result");
        JsonObject elicited = client.callTool("e2e_ask_user", "{}").getJsonObject("result");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(sampled.getBoolean("isError"), sampled.toString());
        assertEquals("This client cannot lend its model to the server (it did not declare the sampling capability).",
                text(sampled));
        assertTrue(elicited.getBoolean("isError"), elicited.toString());
        assertEquals("This client cannot show the user a form (it did not declare form elicitation).", text(elicited));
        assertTrue(millis < 5000, "answered in " + millis + " ms, not after a wait for the client");
    }

    @Test
    void aGetStreamEndsWhenItsSessionIsDeleted() {
        String token = TestTokens.user("alice").sign();
        McpHttp alice = McpHttp.withToken(token).initialize();
        try (McpEventStream stream = McpEventStream.get(token, alice.sessionId(), null)) {
            assertEquals(200, stream.status());
            assertEquals("", stream.nextEvent(WAIT).data(), "the priming event");
            assertEquals(204, alice.delete().status());
            assertEquals(List.of(), stream.awaitEnd(WAIT));
        }
        assertEquals(404, alice.get().status());
    }

    @Test
    void aResourceChangeReachesTheGetStreamsOfSubscribedSessionsOnlyAndAnAddedResourceEverySession() {
        String aliceToken = TestTokens.user("alice").sign();
        String bobToken = TestTokens.user("bob").sign();
        McpHttp alice = McpHttp.withToken(aliceToken).initialize();
        McpHttp bob = McpHttp.withToken(bobToken).initialize();
        assertEquals(200, alice.request(1, "resources/subscribe", "{\"uri\":\"e2e://board\"}").status());
        try (McpEventStream alices = McpEventStream.get(aliceToken, alice.sessionId(), null);
                McpEventStream bobs = McpEventStream.get(bobToken, bob.sessionId(), null)) {
            assertEquals("", alices.nextEvent(WAIT).data(), "the priming event");
            assertEquals("", bobs.nextEvent(WAIT).data(), "the priming event");

            bob.callTool("e2e_change_board", "{}");
            JsonObject updated = alices.nextEvent(WAIT).json();
            assertEquals("notifications/resources/updated", updated.getString("method"));
            assertEquals("e2e://board", updated.getJsonObject("params").getString("uri"));

            String page = "p" + System.nanoTime();
            alice.callTool("e2e_add_page", "{\"name\":\"" + page + "\"}");
            assertEquals("notifications/resources/list_changed", alices.nextEvent(WAIT).json().getString("method"));
            JsonObject bobsFirst = bobs.nextEvent(WAIT).json();
            assertEquals("notifications/resources/list_changed", bobsFirst.getString("method"),
                    "bob, not subscribed, heard of the list change and nothing of the board: " + bobsFirst);
            assertTrue(bob.request(2, "resources/read", "{\"uri\":\"e2e://pages/" + page + "\"}").body()
                    .contains("page " + page));
        }
    }

    @Test
    void aListenStreamOfA20260728ClientIsAcknowledgedThenCarriesOnlyWhatItAskedForTaggedWithItsId() {
        String aliceToken = TestTokens.user("alice").sign();
        String bobToken = TestTokens.user("bob").sign();
        try (McpEventStream alices = McpEventStream.listen(aliceToken, 41,
                "{\"resourceSubscriptions\":[\"e2e://board\"],\"toolsListChanged\":true}");
                McpEventStream bobs = McpEventStream.listen(bobToken, 42, "{\"resourcesListChanged\":true}")) {
            assertEquals(200, alices.status());
            assertTrue(alices.isEventStream());
            JsonObject ack = alices.nextEvent(WAIT).json();
            assertEquals("notifications/subscriptions/acknowledged", ack.getString("method"));
            assertEquals(41, ack.getJsonObject("params").getJsonObject("_meta")
                    .getInt("io.modelcontextprotocol/subscriptionId"));
            assertEquals("{\"resourceSubscriptions\":[\"e2e://board\"]}",
                    ack.getJsonObject("params").getJsonObject("notifications").toString(),
                    "tools do not change here: toolsListChanged is not acknowledged");
            assertEquals("notifications/subscriptions/acknowledged", bobs.nextEvent(WAIT).json().getString("method"));

            McpHttp.withToken(bobToken).initialize().callTool("e2e_change_board", "{}");
            JsonObject updated = alices.nextEvent(WAIT).json();
            assertEquals("notifications/resources/updated", updated.getString("method"));
            assertEquals("e2e://board", updated.getJsonObject("params").getString("uri"));
            assertEquals(41, updated.getJsonObject("params").getJsonObject("_meta")
                    .getInt("io.modelcontextprotocol/subscriptionId"));

            McpHttp.withToken(aliceToken).initialize().callTool("e2e_add_page",
                    "{\"name\":\"l" + System.nanoTime() + "\"}");
            JsonObject changed = bobs.nextEvent(WAIT).json();
            assertEquals("notifications/resources/list_changed", changed.getString("method"),
                    "bob asked for list changes and nothing of the board: " + changed);
            assertEquals(42, changed.getJsonObject("params").getJsonObject("_meta")
                    .getInt("io.modelcontextprotocol/subscriptionId"));
            assertTrue(alices.quietFor(Duration.ofMillis(500)), "alice did not ask for list changes");
        }
    }
}
