package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.delegatemcp.it.support.McpEventStream;
import dev.delegatemcp.it.support.McpHttp;
import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.it.support.TestTokens;
import dev.delegatemcp.it.tools.FixtureTools;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Resource role: MP-JWT validation, MCP challenges, Protected Resource Metadata, scopes, caller identity. */
@ExtendWith(ArquillianExtension.class)
class McpSecurityIT {

    private static final String METADATA_URL = "http://localhost:" + McpTestServer.httpPort()
            + "/.well-known/oauth-protected-resource/mcp-server/mcp";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEarWithTools(FixtureTools.class.getPackage());
    }

    @Test
    void requestWithoutTokenIsUnauthorizedWithResourceMetadataAndScope() {
        McpHttp.Response response = McpHttp.withToken(null).post(McpHttp.initializeRequest(1, "2025-11-25"));
        assertEquals(401, response.status());
        String challenge = response.header("WWW-Authenticate");
        assertEquals("Bearer resource_metadata=\"" + METADATA_URL + "\", scope=\"notes.read notes.write\"", challenge);
        assertFalse(response.body().contains("Exception"), response.body());
        assertEquals(null, response.header("$WSEP"), "no Liberty-internal error-page header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic YWxpY2U6YWxpY2U=", "Bearer", "Bearer    ", "Digest username=\"alice\""})
    void aRequestWithoutABearerTokenGetsAChallengeWithoutAnErrorCode(String authorization) {
        McpHttp.Response response = McpHttp.withToken(null).header("Authorization", authorization)
                .post(McpHttp.initializeRequest(1, "2025-11-25"));
        assertEquals(401, response.status());
        assertEquals("Bearer resource_metadata=\"" + METADATA_URL + "\", scope=\"notes.read notes.write\"",
                response.header("WWW-Authenticate"), "RFC 6750 section 3.1: no error code without authentication");
    }

    @Test
    void expiredTokenIsRejected() {
        assertRejected(TestTokens.user("alice").expiredSince(Duration.ofMinutes(2)).sign());
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        assertRejected(TestTokens.user("alice").audience("https://calendar.example.com").sign());
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        assertRejected(TestTokens.user("alice").issuer("https://evil-issuer.example.com").sign());
    }

    @Test
    void tokenWithBadSignatureIsRejected() {
        assertRejected(TestTokens.user("alice").signedByUnknownKey().sign());
    }

    @Test
    void unsignedTokenWithAlgNoneIsRejected() {
        assertRejected(TestTokens.user("alice").unsigned());
    }

    @Test
    void garbageTokenIsRejected() {
        assertRejected("not-a-jwt");
    }

    @Test
    void tokenInTheQueryStringIsNotAccepted() {
        String token = TestTokens.user("alice").sign();
        McpHttp.Response response = McpHttp.get(URI.create(McpTestServer.resource() + "?access_token=" + token));
        assertEquals(401, response.status());
    }

    @Test
    void validTokenIsAccepted() {
        assertEquals(200, McpHttp.withToken(TestTokens.user("alice").sign())
                .post(McpHttp.initializeRequest(1, "2025-11-25")).status());
    }

    @Test
    void protectedResourceMetadataRefusalsAreJsonNotContainerPages() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest foreign = java.net.http.HttpRequest.newBuilder(URI.create(METADATA_URL))
                .header("Origin", "http://evil.example.com").GET().build();
        java.net.http.HttpRequest post = java.net.http.HttpRequest.newBuilder(URI.create(METADATA_URL))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        java.net.http.HttpRequest unknown = java.net.http.HttpRequest.newBuilder(
                URI.create(METADATA_URL.replace("/mcp-server/mcp", "/no-such-resource"))).GET().build();
        int[] statuses = {403, 405, 404};
        java.net.http.HttpRequest[] requests = {foreign, post, unknown};
        for (int i = 0; i < requests.length; i++) {
            var response = http.send(requests[i], java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(statuses[i], response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                    response.body());
            assertEquals("invalid_request", jakarta.json.Json.createReader(new java.io.StringReader(response.body()))
                    .readObject().getString("error"));
        }
    }

    @Test
    void protectedResourceMetadataIsServedAtThePathForm() {
        McpHttp.Response response = McpHttp.get(URI.create(METADATA_URL));
        assertEquals(200, response.status());
        assertTrue(response.header("Content-Type").startsWith("application/json"));
        assertMetadata(response.json());
    }

    @Test
    void protectedResourceMetadataIsServedAtTheRootForm() {
        McpHttp.Response response = McpHttp.get(McpTestServer.base().resolve("/.well-known/oauth-protected-resource"));
        assertEquals(200, response.status());
        assertMetadata(response.json());
        assertEquals(404, McpHttp.get(McpTestServer.base().resolve("/.well-known/oauth-protected-resource/other/mcp"))
                .status());
    }

    @Test
    void toolsListShowsOnlyToolsTheCallerMayCall() {
        McpHttp readOnly = McpHttp.withToken(TestTokens.user("carol").scopes("notes.read").sign()).initialize();
        List<String> names = allToolNames(readOnly);
        assertTrue(names.contains("list_notes"), names.toString());
        assertFalse(names.contains("add_note"), names.toString());
        assertFalse(names.contains("admin_report"), names.toString());
        McpHttp admin = McpHttp.withToken(TestTokens.user("dave").scopes("notes.read notes.write admin.read").sign())
                .initialize();
        assertTrue(allToolNames(admin).containsAll(List.of("admin_report", "add_note", "list_notes")));
    }

    @Test
    void callingAToolWithoutItsScopeIsForbiddenWithInsufficientScope() {
        McpHttp client = McpHttp.withToken(TestTokens.user("carol").scopes("notes.read").sign()).initialize();
        McpHttp.Response response = client.request(4, "tools/call",
                "{\"name\":\"add_note\",\"arguments\":{\"text\":\"hi\"}}");
        assertEquals(403, response.status());
        String challenge = response.header("WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("scope=\"notes.read notes.write\""), challenge);
        assertTrue(challenge.contains("resource_metadata=\"" + METADATA_URL + "\""), challenge);
        assertTrue(challenge.contains("error_description="), challenge);
    }

    @Test
    void toolsSeeTheCallersIdentity() {
        McpHttp client = McpHttp.withToken(TestTokens.user("erin").clientId("claude-desktop").tenant("acme")
                .scopes("notes.read openid").sign()).initialize();
        JsonObject identity =
                client.callTool("whoami", "{}").getJsonObject("result").getJsonObject("structuredContent");
        assertEquals("erin", identity.getString("subject"));
        assertEquals("claude-desktop", identity.getString("clientId"));
        assertEquals("acme", identity.getString("tenant"));
        assertEquals(List.of("notes.read", "openid"), identity.getJsonArray("scopes").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).toList());
    }

    @Test
    void injectedCallerIsTheCurrentRequestsCaller() {
        for (String user : List.of("gina", "hank")) {
            McpHttp client = McpHttp.withToken(TestTokens.user(user).tenant("t-" + user).sign()).initialize();
            JsonObject result = client.callTool("whoami_injected", "{}").getJsonObject("result");
            assertEquals(user + "/t-" + user, result.getJsonArray("content").getJsonObject(0).getString("text"));
        }
    }

    /**
     * A tool's first calls run on the server's own threads, later ones of a quick tool on the HTTP request's thread
     * (RequestWorkers): on either, a request-scoped bean the tool uses is its request's own, and the caller is the
     * request's.
     */
    @Test
    void aToolsOwnRequestScopedBeanIsOnePerRequestOnWhicheverThreadItRuns() {
        for (String user : List.of("ivan", "jane")) {
            McpHttp client = McpHttp.withToken(TestTokens.user(user).sign()).initialize();
            for (int call = 0; call < 30; call++) {
                JsonObject result = client.callTool("tally_twice", "{}").getJsonObject("result");
                assertEquals("2/" + user, result.getJsonArray("content").getJsonObject(0).getString("text"),
                        "call " + call);
            }
        }
    }

    private static String cancelled(int requestId) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":" + requestId
                + "}}";
    }

    private static String samplingAnswer(JsonValue id, String text, String model) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"role\":\"assistant\",\"content\":{\"type\":"
                + "\"text\",\"text\":\"" + text + "\"},\"model\":\"" + model + "\"}}";
    }

    @Test
    void anotherUserCannotAnswerCancelOrReceiveTheServersRequestsAndStreamsOfASession() {
        String aliceToken = TestTokens.user("alice").sign();
        String bobToken = TestTokens.user("bob").sign();
        McpHttp alice = McpHttp.withToken(aliceToken).capabilities("{\"sampling\":{}}").initialize();
        String call = "{\"jsonrpc\":\"2.0\",\"id\":51,\"method\":\"tools/call\",\"params\":{\"name\":\"e2e_ask_model\","
                + "\"arguments\":{\"question\":\"whose answer is this?\"}}}";
        try (McpEventStream stream = McpEventStream.post(aliceToken, alice.sessionId(), call)) {
            assertEquals("", stream.nextEvent(WAIT).data(), "the priming event");
            McpEventStream.Event asked = stream.nextEvent(WAIT);
            assertEquals("sampling/createMessage", asked.json().getString("method"));
            JsonValue serverRequestId = asked.json().get("id");
            String bobsAnswer = samplingAnswer(serverRequestId, "bob's answer", "bob-model");

            // Bob presenting alice's session id: the session does not exist for him.
            McpHttp bobInAlicesSession = McpHttp.withToken(bobToken).session(alice.sessionId());
            assertEquals(404, bobInAlicesSession.post(bobsAnswer).status(), "answering alice's sampling request");
            assertEquals(404, bobInAlicesSession.post(cancelled(51)).status(), "cancelling alice's call");
            assertEquals(404, bobInAlicesSession.get().status(), "opening a stream of alice's session");
            assertEquals(404, McpHttp.withToken(bobToken).session(alice.sessionId())
                    .header("Last-Event-ID", asked.id()).get().status(), "resuming alice's call's stream");

            // In his own session, the same messages reach nothing of alice's.
            McpHttp bob = McpHttp.withToken(bobToken).initialize();
            assertEquals(202, bob.post(bobsAnswer).status(), "accepted, and ignored: nothing of bob's waits for it");
            assertEquals(202, bob.post(cancelled(51)).status(), "accepted, and ignored: bob has no request 51");
            McpHttp.Response resumed = bob.header("Last-Event-ID", asked.id()).get();
            assertEquals(200, resumed.status());
            assertTrue(resumed.body().matches("(?s)id: \\S+\nretry: \\d+\ndata: \n\n"),
                    "a new stream of bob's own, not alice's replayed: " + resumed.body());

            assertEquals(202, alice.post(samplingAnswer(serverRequestId, "alice's answer", "alice-model")).status());
            JsonObject response = stream.nextEvent(WAIT).json();
            assertEquals(51, response.getInt("id"));
            JsonObject result = response.getJsonObject("result");
            assertFalse(result.getBoolean("isError"), result.toString());
            assertEquals("ASSISTANT (alice-model): alice's answer",
                    result.getJsonArray("content").getJsonObject(0).getString("text"));
            assertEquals(List.of(), stream.awaitEnd(WAIT));
        } finally {
            alice.post(cancelled(51)); // should an assertion fail, the tool stops waiting for the client
        }
    }

    @Test
    void scopedResourcesTemplatesAndPromptsAreListedOnlyForTokensWithTheirScopes() {
        McpHttp reader = McpHttp.withToken(TestTokens.user("carol").scopes("notes.read").sign()).initialize();
        assertTrue(all(reader, "resources/list", "resources", "uri").contains("e2e://open/notice"));
        assertFalse(all(reader, "resources/list", "resources", "uri").contains("e2e://admin/audit-summary"));
        assertFalse(all(reader, "resources/templates/list", "resourceTemplates", "uriTemplate")
                .contains("e2e://admin/users/{user}"));
        assertTrue(all(reader, "prompts/list", "prompts", "name").contains("e2e_open_prompt"));
        assertFalse(all(reader, "prompts/list", "prompts", "name").contains("e2e_admin_prompt"));

        McpHttp admin = McpHttp.withToken(TestTokens.user("dave").scopes("notes.read admin.read").sign()).initialize();
        assertTrue(all(admin, "resources/list", "resources", "uri")
                .containsAll(List.of("e2e://open/notice", "e2e://admin/audit-summary")));
        assertTrue(all(admin, "resources/templates/list", "resourceTemplates", "uriTemplate")
                .contains("e2e://admin/users/{user}"));
        assertTrue(all(admin, "prompts/list", "prompts", "name")
                .containsAll(List.of("e2e_open_prompt", "e2e_admin_prompt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "resources/read|{\"uri\":\"e2e://admin/audit-summary\"}",
        "resources/read|{\"uri\":\"e2e://admin/users/alice\"}",
        "resources/subscribe|{\"uri\":\"e2e://admin/audit-summary\"}",
        "prompts/get|{\"name\":\"e2e_admin_prompt\",\"arguments\":{\"topic\":\"access\"}}",
        "completion/complete|{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"e2e_admin_prompt\"},"
                + "\"argument\":{\"name\":\"topic\",\"value\":\"ac\"}}",
        "completion/complete|{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"e2e://admin/users/{user}\"},"
                + "\"argument\":{\"name\":\"user\",\"value\":\"al\"}}"})
    void scopedResourcesPromptsAndTheirCompletionsAreRefusedWithInsufficientScope(String request) {
        String method = request.substring(0, request.indexOf('|'));
        String params = request.substring(request.indexOf('|') + 1);
        McpHttp reader = McpHttp.withToken(TestTokens.user("carol").scopes("notes.read").sign()).initialize();
        McpHttp.Response response = reader.request(8, method, params);
        assertEquals(403, response.status(), method + ": " + response.body());
        String challenge = response.header("WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("scope=\"admin.read notes.read\""), challenge);
        assertTrue(challenge.contains("resource_metadata=\"" + METADATA_URL + "\""), challenge);
        assertEquals(8, response.json().getInt("id"));
        assertFalse(response.body().contains("account of") || response.body().contains("audit report"),
                response.body());

        McpHttp admin = McpHttp.withToken(TestTokens.user("dave").scopes("notes.read admin.read").sign()).initialize();
        McpHttp.Response allowed = admin.request(9, method, params);
        assertEquals(200, allowed.status(), allowed.body());
        assertTrue(allowed.json().containsKey("result"), allowed.body());
    }

    /** Every value of {@code field} of the items of a paged list. */
    private static List<String> all(McpHttp client, String method, String items, String field) {
        List<String> values = new java.util.ArrayList<>();
        String cursor = null;
        int id = 200;
        do {
            JsonObject result =
                    client.request(id++, method, cursor == null ? null : "{\"cursor\":\"" + cursor + "\"}").json()
                            .getJsonObject("result");
            result.getJsonArray(items).forEach(item -> values.add(item.asJsonObject().getString(field)));
            cursor = result.containsKey("nextCursor") ? result.getString("nextCursor") : null;
        } while (cursor != null && id < 300);
        return values;
    }

    private static void assertRejected(String token) {
        McpHttp.Response response = McpHttp.withToken(token).post(McpHttp.initializeRequest(1, "2025-11-25"));
        assertEquals(401, response.status(), response.body());
        String challenge = response.header("WWW-Authenticate");
        assertNotNull(challenge);
        assertTrue(challenge.startsWith("Bearer resource_metadata=\"" + METADATA_URL + "\""), challenge);
        assertTrue(challenge.contains("scope=\"notes.read notes.write\""), challenge);
        assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
        assertFalse(response.body().contains(token), "the token is not echoed");
    }

    private static void assertMetadata(JsonObject metadata) {
        assertEquals(McpTestServer.resource(), metadata.getString("resource"));
        assertEquals("https://issuer.test.local", metadata.getJsonArray("authorization_servers").getString(0));
        assertEquals(List.of("notes.read", "notes.write"), metadata.getJsonArray("scopes_supported")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertEquals("header", metadata.getJsonArray("bearer_methods_supported").getString(0));
    }

    private static List<String> allToolNames(McpHttp client) {
        List<String> names = new java.util.ArrayList<>();
        String cursor = null;
        int id = 100;
        do {
            JsonObject result =
                    client.request(id++, "tools/list", cursor == null ? null : "{\"cursor\":\"" + cursor + "\"}")
                            .json().getJsonObject("result");
            result.getJsonArray("tools").forEach(t -> names.add(t.asJsonObject().getString("name")));
            cursor = result.containsKey("nextCursor") ? result.getString("nextCursor") : null;
        } while (cursor != null);
        return names;
    }
}
