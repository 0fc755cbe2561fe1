package dev.delegatemcp.it;

import static dev.delegatemcp.it.support.DemoUsers.connect;
import static dev.delegatemcp.it.support.DemoUsers.disconnect;
import static dev.delegatemcp.it.support.DemoUsers.send;
import static dev.delegatemcp.it.support.DemoUsers.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.delegatemcp.it.support.DemoUsers;
import dev.delegatemcp.it.support.DemoUsers.User;
import dev.delegatemcp.it.support.StatelessMcpClient;
import dev.delegatemcp.it.support.StatelessMcpClient.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * A client of MCP 2026-07-28 (stateless: no initialize, no session; a small client written against the specification,
 * {@link StatelessMcpClient}) on the demo servers with a real Keycloak: the connect flow as an input-required result,
 * the protection of {@code requestState}, and a retry that reaches another instance of the server. Named to run before
 * {@code KeycloakE2EIT}, which stops Keycloak (failsafe runs the classes in alphabetical order).
 */
class DemoStatelessClientE2EIT {

    private static final String MCP_URL = DemoUsers.BASE + "/mcp-server/mcp";
    /** The second demo server: the same configuration and request-state secret, another JVM. */
    private static final String OTHER_INSTANCE_URL =
            "http://localhost:" + Integer.getInteger("it.demo2.http.port", 19282)
                    + "/mcp-server/mcp";
    private static final JsonObject URL_ELICITATION = Json.createObjectBuilder()
            .add("elicitation", Json.createObjectBuilder().add("url", JsonValue.EMPTY_JSON_OBJECT)).build();
    private static final JsonObject SAMPLING = Json.createObjectBuilder()
            .add("sampling", JsonValue.EMPTY_JSON_OBJECT).build();

    private static JsonObject lookup(String name) {
        return Json.createObjectBuilder().add("name", name).build();
    }

    /** The one input request of an input-required result: its key and the request. */
    private static Map.Entry<String, JsonObject> onlyInputRequest(JsonObject result) {
        assertEquals("input_required", result.getString("resultType"), result.toString());
        JsonObject requests = result.getJsonObject("inputRequests");
        assertEquals(1, requests.size(), result.toString());
        String key = requests.keySet().iterator().next();
        return Map.entry(key, requests.getJsonObject(key));
    }

    @Test
    void aUserWhoHasNotConnectedIsAskedToByAnInputRequiredResultAndTheRetryAfterConnectingUsesTheirOwnConnection() {
        User bob = signIn("bob");
        disconnect(bob, "crm", "user");
        StatelessMcpClient client = new StatelessMcpClient(MCP_URL, bob.token(), URL_ELICITATION);
        long notConnectedBefore = DemoUsers.auditLines(bob, "crm", "not_connected");
        long grantedBefore = DemoUsers.auditLines(bob, "crm", "granted");

        Answer first = client.callTool("crm_lookup", lookup("Acme Corp"));
        assertEquals(200, first.status());
        JsonObject result = first.result();
        Map.Entry<String, JsonObject> input = onlyInputRequest(result);
        assertEquals("elicitation/create", input.getValue().getString("method"));
        JsonObject elicitation = input.getValue().getJsonObject("params");
        assertEquals("url", elicitation.getString("mode"));
        assertFalse(elicitation.containsKey("elicitationId"), "2026-07-28 has no elicitationId: " + elicitation);
        String url = elicitation.getString("url");
        assertTrue(url.startsWith(DemoUsers.CONNECT + "crm?"), url);
        assertTrue(url.contains("level=user"), url);
        assertFalse(elicitation.getString("message").isBlank());
        String state = result.getString("requestState");
        assertFalse(state.contains(bob.sub()), "the state names nobody in clear");
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url)).GET());
        assertEquals(200, page.statusCode(), "the connect URL opens the demo's connect page");

        JsonObject accepted = Json.createObjectBuilder().add(input.getKey(),
                Json.createObjectBuilder().add("action", "accept")).build();
        long started = System.nanoTime();
        JsonObject early = client.retryTool("crm_lookup", lookup("Acme Corp"), accepted, state).result();
        assertTrue(System.nanoTime() - started < java.util.concurrent.TimeUnit.SECONDS.toNanos(10),
                "a retry before the user connected is answered at once, it does not wait for the connection");
        assertFalse("complete".equals(early.getString("resultType")) && !early.getBoolean("isError", false),
                "not connected yet: asked again or told so, never a result: " + early);

        connect(bob, "crm", "user");
        JsonObject done = client.retryTool("crm_lookup", lookup("Acme Corp"), accepted, state).result();
        assertEquals("complete", done.getString("resultType"), done.toString());
        assertFalse(done.getBoolean("isError", false), done.toString());
        JsonObject connection = done.getJsonObject("structuredContent").getJsonObject("connection");
        assertEquals(bob.sub(), connection.getString("user"), "bob's own stored connection: " + done);
        assertEquals("Acme Corp", done.getJsonObject("structuredContent").getString("name"));
        assertTrue(DemoUsers.auditLines(bob, "crm", "not_connected") > notConnectedBefore,
                "the connect flow is audited as for any client");
        assertEquals(grantedBefore + 1, DemoUsers.auditLines(bob, "crm", "granted"), "and the credential granted");
    }

    @Test
    void aClientWithoutUrlElicitationGetsTheConnectSentenceAsAnErrorResult() {
        User bob = signIn("bob");
        disconnect(bob, "crm", "user");
        JsonObject result = new StatelessMcpClient(MCP_URL, bob.token(), JsonValue.EMPTY_JSON_OBJECT)
                .callTool("crm_lookup", lookup("Acme Corp")).result();
        assertEquals("complete", result.getString("resultType"));
        assertTrue(result.getBoolean("isError"), result.toString());
        assertTrue(result.getJsonArray("content").getJsonObject(0).getString("text")
                .contains(DemoUsers.CONNECT + "crm?"), result.toString());
    }

    @Test
    void requestStateIsRefusedWhenAlteredPresentedByAnotherUserOrUsedForAnotherRequest() {
        User bob = signIn("bob");
        User carol = signIn("carol");
        disconnect(bob, "crm", "user");
        StatelessMcpClient asBob = new StatelessMcpClient(MCP_URL, bob.token(), URL_ELICITATION);
        JsonObject result = asBob.callTool("crm_lookup", lookup("Acme Corp")).result();
        String key = onlyInputRequest(result).getKey();
        String state = result.getString("requestState");
        JsonObject accepted = Json.createObjectBuilder().add(key, Json.createObjectBuilder().add("action", "accept"))
                .build();

        char last = state.charAt(state.length() - 1);
        String altered = state.substring(0, state.length() - 1) + (last == 'A' ? 'B' : 'A');
        JsonObject tampered = asBob.retryTool("crm_lookup", lookup("Acme Corp"), accepted, altered).error();
        assertEquals(-32602, tampered.getInt("code"));
        assertTrue(tampered.getString("message").contains("not issued by this server or was altered"),
                tampered.toString());

        JsonObject replayed = new StatelessMcpClient(MCP_URL, carol.token(), URL_ELICITATION)
                .retryTool("crm_lookup", lookup("Acme Corp"), accepted, state).error();
        assertEquals(-32602, replayed.getInt("code"));
        assertTrue(replayed.getString("message").contains("another user"), replayed.toString());
        assertFalse(replayed.toString().contains(bob.sub()), "the refusal names nobody: " + replayed);

        JsonObject elsewhere = asBob.retryTool("crm_lookup", lookup("Initech"), accepted, state).error();
        assertEquals(-32602, elsewhere.getInt("code"));
        assertTrue(elsewhere.getString("message").contains("another request"), elsewhere.toString());
    }

    @Test
    void aRetryThatReachesAnotherInstanceOfTheServerCompletesTheCall() {
        User alice = signIn("alice");
        Answer first = new StatelessMcpClient(MCP_URL, alice.token(), SAMPLING)
                .callTool("calendar_digest", StatelessMcpClient.noArguments());
        JsonObject result = first.result();
        Map.Entry<String, JsonObject> input = onlyInputRequest(result);
        assertEquals("sampling/createMessage", input.getValue().getString("method"));
        String prompt = input.getValue().getJsonObject("params").getJsonArray("messages").getJsonObject(0)
                .getJsonObject("content").getString("text");
        assertTrue(prompt.startsWith("Summarise these calendar events"), prompt);

        JsonObject answer = Json.createObjectBuilder().add(input.getKey(), Json.createObjectBuilder()
                .add("role", "assistant").add("model", "test-model").add("stopReason", "endTurn")
                .add("content", Json.createObjectBuilder().add("type", "text")
                        .add("text", "Two meetings and a review; a quiet afternoon.")))
                .build();
        Answer retried = new StatelessMcpClient(OTHER_INSTANCE_URL, alice.token(), SAMPLING)
                .retryTool("calendar_digest", StatelessMcpClient.noArguments(), answer,
                        result.getString("requestState"));
        JsonObject done = retried.result();
        assertEquals("complete", done.getString("resultType"), done.toString());
        assertEquals("Two meetings and a review; a quiet afternoon.",
                done.getJsonArray("content").getJsonObject(0).getString("text"), done.toString());
        assertNotEquals(MCP_URL, OTHER_INSTANCE_URL);
    }
}
