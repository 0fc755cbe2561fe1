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
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.delegatemcp.it.support.DemoUsers;
import dev.delegatemcp.it.support.DemoUsers.User;
import dev.delegatemcp.it.support.Node;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcRequest;
import dev.delegatemcp.wire.mcp.Implementation;
import dev.delegatemcp.wire.mcp.InitializeParams;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * Connections end to end: the sample tools that call remote MCP servers with the caller's stored token
 * ({@code @Downstream(connection = ...)}), on the demo server (the EAR, the sample-connections vault and remote MCP
 * servers, a real Keycloak), driven by the official TypeScript SDK client (src/test/node/connections-client.mjs).
 * Users connect and disconnect with their own Keycloak token at {@code /sample-connections/connect/{app}}, as
 * {@code bin/connect} does. Each test first removes the connections it relies on and signs its users in afresh, so
 * the tests do not depend on each other's order.
 */
class ConnectionsE2EIT {

    private static final String BASE = DemoUsers.BASE;
    private static final String MCP_URL = BASE + "/mcp-server/mcp";
    private static final String CONNECT = DemoUsers.CONNECT;
    private static final Pattern URL_IN_TEXT = Pattern.compile("https?://\\S+");
    private static final String DAY = "2026-11-23";

    // ----------------------------------------------------------------------------------- the SDK client (Node)

    private static JsonObject call(String tool, Map<String, String> arguments) {
        return Json.createObjectBuilder().add("call", tool)
                .add("arguments", Json.createObjectBuilder(new LinkedHashMap<String, Object>(arguments))).build();
    }

    /** A step that POSTs the connect URL of the last -32042 error, with the user's token. */
    private static JsonObject connectElicited() {
        return Json.createObjectBuilder().add("connect", "elicited").build();
    }

    /** Runs the steps in one MCP session of the user; {@code urlElicitation}: declare elicitation.url. */
    private static List<JsonObject> client(User user, boolean urlElicitation, JsonObject... steps) {
        return run(user, urlElicitation ? "url" : "none", steps).getJsonArray("results")
                .getValuesAs(JsonObject.class);
    }

    /** Runs connections-client.mjs in that elicitation mode: its whole output. */
    private static JsonObject run(User user, String elicitationMode, JsonObject... steps) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        Arrays.stream(steps).forEach(array::add);
        Node.Result result = Node.run(Map.of("MCP_URL", MCP_URL, "MCP_TOKEN", user.token(),
                "MCP_ELICITATION", elicitationMode, "MCP_STEPS", array.build().toString()),
                120, "connections-client.mjs");
        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        return result.json();
    }

    /** A step that reads every page of tools/list. */
    private static JsonObject listTools() {
        return Json.createObjectBuilder().add("list", true).build();
    }

    private static JsonObject crmLookup(String name) {
        return call("crm_lookup", Map.of("name", name));
    }

    private static JsonObject generateDocument() {
        return call("generate_document", Map.of("title", "Quarterly report", "body", "Sales went up again"));
    }

    // ------------------------------------------------------------------------------------------------ assertions

    /** A successful tool result, made with the stored connection it returns. */
    private static JsonObject connectionOfSuccess(JsonObject result) {
        assertFalse(result.containsKey("error"), result.toString());
        assertFalse(result.getBoolean("isError"), result.toString());
        return result.getJsonObject("structuredContent").getJsonObject("connection");
    }

    /** What a connect URL asks for: the app, scopes and level, read from the URL (any encoding). */
    private record ConnectRequest(String app, List<String> scopes, String level) {
    }

    private static ConnectRequest connectRequest(String url) {
        assertTrue(url.startsWith(CONNECT), "the demo's connect URL: " + url);
        URI uri = URI.create(url);
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            query.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        String path = uri.getPath();
        return new ConnectRequest(path.substring(path.lastIndexOf('/') + 1),
                List.of(query.get("scopes").split(",")), query.get("level"));
    }

    /** The -32042 URLElicitationRequiredError of a client that declared URL elicitation: its connect request. */
    private static ConnectRequest elicitedConnect(JsonObject result) {
        assertTrue(result.containsKey("error"), "an error, not a result: " + result);
        JsonObject error = result.getJsonObject("error");
        assertEquals(-32042, error.getInt("code"), error.toString());
        assertTrue(error.getBoolean("mcpError") && error.getBoolean("urlElicitationRequired"),
                "the SDK raises its UrlElicitationRequiredError (an McpError): " + error);
        JsonArray elicitations = error.getJsonArray("elicitations");
        assertEquals(1, elicitations.size(), error.toString());
        JsonObject elicitation = elicitations.getJsonObject(0);
        assertEquals("url", elicitation.getString("mode"));
        assertFalse(elicitation.getString("elicitationId").isBlank());
        assertFalse(elicitation.getString("message").isBlank());
        String url = elicitation.getString("url");
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url)).GET());
        assertEquals(200, page.statusCode(), "the connect URL opens the demo's connect page: " + url);
        assertTrue(page.body().contains("bin/connect"), page.body());
        return connectRequest(url);
    }

    /** The isError result of a client without URL elicitation: the connect request of the URL in its text. */
    private static ConnectRequest connectInText(JsonObject result) {
        assertFalse(result.containsKey("error"), "a tool result, not a JSON-RPC error: " + result);
        assertTrue(result.getBoolean("isError"), result.toString());
        assertEquals(JsonValue.NULL, result.get("structuredContent"), "nothing from the remote server: " + result);
        Matcher url = URL_IN_TEXT.matcher(result.getString("text"));
        assertTrue(url.find(), "a connect URL in: " + result.getString("text"));
        return connectRequest(url.group());
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    // ----------------------------------------------------------------------------------------------------- tests

    @Test
    void userWithoutAConnectionIsSentToTheConnectUrlAndTheSameCallWorksOnceConnected() {
        User connected = signIn("carol");
        User notConnected = signIn("bob");
        disconnect(connected, "crm", "user");
        disconnect(notConnected, "crm", "user");
        connect(connected, "crm", "user");

        JsonObject own = connectionOfSuccess(client(connected, true, crmLookup("Acme Corp")).get(0));
        assertEquals(connected.sub(), own.getString("user"), "carol's own connection");
        assertEquals("user", own.getString("level"));
        assertEquals("crm", own.getString("app"));

        ConnectRequest expected = new ConnectRequest("crm", List.of("crm.read"), "user");
        assertEquals(expected, connectInText(client(notConnected, false, crmLookup("Acme Corp")).get(0)),
                "a client without URL elicitation: an error result with the connect URL in its text");

        List<JsonObject> session = client(notConnected, true, crmLookup("Acme Corp"), connectElicited(),
                crmLookup("Acme Corp"));
        assertEquals(expected, elicitedConnect(session.get(0)), "a client with URL elicitation: -32042");
        assertEquals(200, session.get(1).getInt("status"), "bob connected through the elicited URL: " + session.get(1));
        JsonObject after = connectionOfSuccess(session.get(2));
        assertEquals(notConnected.sub(), after.getString("user"), "the same call, in the same session, now with bob's "
                + "own connection");
        assertEquals("Acme Corp", session.get(2).getJsonObject("structuredContent").getString("name"));
    }

    @Test
    void aClientThatOpensTheElicitedUrlDuringTheCallGetsThatSameCallsResultOnceTheUserConnected() {
        User notConnected = signIn("bob");
        disconnect(notConnected, "crm", "user");

        JsonObject run = run(notConnected, "url-connect", crmLookup("Acme Corp"));
        JsonArray elicited = run.getJsonArray("elicited");
        assertEquals(1, elicited.size(), "one URL elicitation inside the call: " + run);
        JsonObject elicitation = elicited.getJsonObject(0);
        assertEquals("url", elicitation.getString("mode"));
        assertEquals(new ConnectRequest("crm", List.of("crm.read"), "user"),
                connectRequest(elicitation.getString("url")));
        assertEquals(List.of(200), run.getJsonArray("connectStatuses").getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::intValue).toList(), "the user connected while the call waited");
        JsonObject result = run.getJsonArray("results").getJsonObject(0);
        assertEquals(notConnected.sub(), connectionOfSuccess(result).getString("user"),
                "the same call finished with bob's new connection, no -32042 and no second call: " + result);
        assertEquals(List.of(elicitation.getString("elicitationId")), strings(run.getJsonArray("completed")),
                "the client was told the elicitation is complete");
    }

    @Test
    void tenantConnectionServesEveryUserOfThatTenantAndNoOtherTenant() {
        User alice = signIn("alice");
        User bob = signIn("bob");
        User carol = signIn("carol");
        assertEquals("acme", alice.tenant());
        assertEquals("acme", bob.tenant());
        assertEquals("globex", carol.tenant());
        disconnect(bob, "docs", "tenant");
        disconnect(carol, "docs", "tenant");

        assertEquals("acme", connect(bob, "docs", "tenant").getString("tenant"));

        for (User user : List.of(alice, bob)) {
            JsonObject result = client(user, true, generateDocument()).get(0);
            JsonObject connection = connectionOfSuccess(result);
            assertEquals("acme", connection.getString("tenant"), user + ": " + result);
            assertEquals("tenant", connection.getString("level"));
            assertEquals(JsonValue.NULL, connection.get("user"), "the tenant's connection, nobody's own");
            assertEquals("docs", connection.getString("app"));
            assertTrue(result.getJsonObject("structuredContent").getString("documentId").startsWith("doc-"));
        }

        ConnectRequest tenantConnect = new ConnectRequest("docs", List.of("docs.write"), "tenant");
        assertEquals(tenantConnect, elicitedConnect(client(carol, true, generateDocument()).get(0)));
        JsonObject plain = client(carol, false, generateDocument()).get(0);
        assertEquals(tenantConnect, connectInText(plain));
        assertTrue(plain.getString("text").contains("an administrator of globex"), plain.toString());
        assertFalse(plain.getString("text").contains("acme"), "nothing of acme's: " + plain);
    }

    @Test
    void remoteServerReceivesTheCallersOwnStoredCredentialNeverTheInboundToken() {
        User bob = signIn("bob");
        disconnect(bob, "crm", "user");
        connect(bob, "crm", "user", "crm.read");

        JsonObject connection = connectionOfSuccess(client(bob, false, crmLookup("Initech")).get(0));
        assertEquals(bob.sub(), connection.getString("user"), "the remote saw bob's stored token");
        assertEquals("crm", connection.getString("app"));
        assertEquals(List.of("crm.read"), strings(connection.getJsonArray("scopes")));

        // The inbound (Keycloak) token itself is refused by the remote server: what reached it was not that token.
        String initialize = WireJson.toJson(JsonRpcRequest.of(Json.createValue(1), McpMethods.INITIALIZE,
                new InitializeParams("2025-11-25", JsonValue.EMPTY_JSON_OBJECT, Implementation.of("direct", "1"))));
        HttpResponse<String> direct = send(HttpRequest.newBuilder(URI.create(BASE + "/sample-connections/mcp/crm"))
                .header("Authorization", "Bearer " + bob.token())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(initialize)));
        assertEquals(401, direct.statusCode(), direct.body());
        assertEquals("Bearer error=\"invalid_token\"", direct.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void remoteToolErrorComesBackAsAnErrorResult() {
        User carol = signIn("carol");
        disconnect(carol, "crm", "user");
        connect(carol, "crm", "user");

        JsonObject result = client(carol, true, crmLookup("Umbrella Corporation")).get(0);
        assertFalse(result.containsKey("error"), "a tool result, not a JSON-RPC error: " + result);
        assertTrue(result.getBoolean("isError"), result.toString());
        assertTrue(result.getString("text").contains("No customer named Umbrella Corporation"), result.toString());
    }

    @Test
    void connectionWithoutAToolsScopesAsksToConnectAgainWithThemAndThenWorks() {
        User carol = signIn("carol");
        disconnect(carol, "scheduler", "user");
        assertEquals(List.of("calendar.read"),
                strings(connect(carol, "scheduler", "user", "calendar.read").getJsonArray("scopes")));

        JsonObject slot = client(carol, true, call("find_meeting_slot", Map.of("day", DAY))).get(0);
        assertEquals(List.of("calendar.read"), strings(connectionOfSuccess(slot).getJsonArray("scopes")));
        assertEquals(DAY, slot.getJsonObject("structuredContent").getString("day"));

        JsonObject book = call("book_meeting", Map.of("title", "Planning", "day", DAY));
        ConnectRequest both = new ConnectRequest("scheduler", List.of("calendar.read", "calendar.write"), "user");
        assertEquals(both, connectInText(client(carol, false, book).get(0)));

        List<JsonObject> session = client(carol, true, book, connectElicited(), book);
        assertEquals(both, elicitedConnect(session.get(0)));
        assertEquals(200, session.get(1).getInt("status"), session.get(1).toString());
        JsonObject booked = session.get(2);
        assertEquals(List.of("calendar.read", "calendar.write"),
                strings(connectionOfSuccess(booked).getJsonArray("scopes")));
        assertEquals(carol.sub(), connectionOfSuccess(booked).getString("user"));
        assertNotEquals("", booked.getJsonObject("structuredContent").getString("meetingId"));
        assertEquals("Planning", booked.getJsonObject("structuredContent").getString("title"));
    }

    @Test
    void theCrmServersOwnToolsAreReExportedToUsersWhoConnectedItAndCalledWithTheirOwnConnection() {
        User carol = signIn("carol");
        User bob = signIn("bob");
        disconnect(carol, "crm", "user");
        disconnect(bob, "crm", "user");
        connect(carol, "crm", "user");

        List<JsonObject> session = client(carol, true, listTools(),
                call("crm_lookup_customer", Map.of("name", "Globex")));
        assertTrue(strings(session.get(0).getJsonArray("tools")).contains("crm_lookup_customer"), session.toString());
        JsonObject connection = connectionOfSuccess(session.get(1));
        assertEquals(carol.sub(), connection.getString("user"), "proxied with carol's own CRM connection");
        assertEquals("Globex", session.get(1).getJsonObject("structuredContent").getString("name"));

        List<JsonObject> notConnected = client(bob, false, listTools(),
                call("crm_lookup_customer", Map.of("name", "Globex")));
        assertFalse(strings(notConnected.get(0).getJsonArray("tools")).contains("crm_lookup_customer"),
                "bob has not connected the CRM: its tools are not listed for him");
        assertTrue(strings(notConnected.get(0).getJsonArray("tools")).contains("crm_lookup"), "ours still are");
        assertEquals(new ConnectRequest("crm", List.of("crm.read"), "user"), connectInText(notConnected.get(1)));
    }

    @Test
    void aConnectionRemovedWhileItsCredentialIsCachedGetsTheConnectAnswer() {
        User bob = signIn("bob");
        disconnect(bob, "crm", "user");
        connect(bob, "crm", "user");
        connectionOfSuccess(client(bob, true, crmLookup("Acme Corp")).get(0)); // cached now, for bob's token

        disconnect(bob, "crm", "user"); // the vault drops the stored token: the remote refuses the cached one
        assertEquals(new ConnectRequest("crm", List.of("crm.read"), "user"),
                elicitedConnect(client(bob, true, crmLookup("Acme Corp")).get(0)));
    }

    private static long auditLines(User user, String target, String outcome) {
        return DemoUsers.auditLines(user, target, outcome);
    }

    @Test
    void listingToolsOftenAsksTheVaultOnceForAUserWhoHasNotConnectedAndACallAfterConnectingWorksAtOnce() {
        User bob = signIn("bob");
        disconnect(bob, "crm", "user");
        long before = auditLines(bob, "crm", "not_connected");
        JsonObject[] fiftyLists = new JsonObject[50];
        Arrays.fill(fiftyLists, listTools());
        List<JsonObject> lists = client(bob, false, fiftyLists);
        assertFalse(strings(lists.get(49).getJsonArray("tools")).contains("crm_lookup_customer"));
        long asked = auditLines(bob, "crm", "not_connected") - before;
        assertTrue(asked <= 1, "50 tools/list asked the vault " + asked + " times");

        connect(bob, "crm", "user");
        List<JsonObject> connected = client(bob, false, call("crm_lookup_customer", Map.of("name", "Acme Corp")),
                listTools());
        assertEquals(bob.sub(), connectionOfSuccess(connected.get(0)).getString("user"), "the call works at once");
        assertTrue(strings(connected.get(1).getJsonArray("tools")).contains("crm_lookup_customer"),
                "and, once a credential was obtained, so does the list");
    }
}
