package dev.delegatemcp.samples.connections.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import dev.delegatemcp.samples.connections.apps.SampleApp;
import dev.delegatemcp.samples.connections.vault.ConnectionLevel;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class RemoteMcpProtocolTest {

    private static final ConnectionView ALICE = new ConnectionView("crm", ConnectionLevel.USER, "alice", "acme",
            List.of("crm.read"));
    private static final ConnectionView BOB = new ConnectionView("crm", ConnectionLevel.USER, "bob", "acme",
            List.of("crm.read"));

    private final RemoteSessions sessions = new RemoteSessions();
    private final RemoteMcpProtocol crm = new RemoteMcpProtocol(SampleApp.CRM, new CrmToolbox(), sessions);

    @Test
    void initializeOpensASessionAndAnswersTheProtocolVersion() {
        RemoteMcpReply reply = crm.handle(request(1, "initialize",
                "{\"protocolVersion\": \"2025-11-25\", \"capabilities\": {}, \"clientInfo\": {\"name\": \"t\", "
                        + "\"version\": \"1\"}}"),
                null, ALICE);

        assertEquals(200, reply.status());
        assertNotNull(reply.sessionId());
        JsonObject result = body(reply).getJsonObject("result");
        assertEquals("2025-11-25", result.getString("protocolVersion"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, result.getJsonObject("capabilities").getJsonObject("tools"));
        assertEquals("sample-crm", result.getJsonObject("serverInfo").getString("name"));
        assertEquals(1, body(reply).getInt("id"));
    }

    @Test
    void anOlderRequestedVersionIsAnsweredWithTheSupportedOne() {
        RemoteMcpReply reply = crm.handle(request(1, "initialize", "{\"protocolVersion\": \"2024-11-05\"}"), null,
                ALICE);

        assertEquals("2025-11-25", body(reply).getJsonObject("result").getString("protocolVersion"));
    }

    @Test
    void requestsAfterInitializeNeedTheSessionOfTheSameOwner() {
        String session = initialize(ALICE);

        assertEquals(400, crm.handle(request(2, "ping", null), null, ALICE).status());
        assertEquals(404, crm.handle(request(2, "ping", null), "no-such-session", ALICE).status());
        assertEquals(404, crm.handle(request(2, "ping", null), session, BOB).status(), "another user's session");
        RemoteMcpProtocol docs = new RemoteMcpProtocol(SampleApp.DOCS, new DocsToolbox(), sessions);
        assertEquals(404, docs.handle(request(2, "ping", null), session, ALICE).status(), "another app's session");

        RemoteMcpReply ping = crm.handle(request(2, "ping", null), session, ALICE);
        assertEquals(200, ping.status());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, body(ping).getJsonObject("result"));
    }

    @Test
    void notificationsAreAcceptedWithoutABody() {
        String session = initialize(ALICE);

        RemoteMcpReply reply = crm.handle("{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}",
                session, ALICE);

        assertEquals(202, reply.status());
        assertNull(body(reply));
    }

    @Test
    void protocolErrors() {
        String session = initialize(ALICE);

        RemoteMcpReply parseError = crm.handle("{not json", session, ALICE);
        assertEquals(400, parseError.status());
        assertEquals(-32700, errorCode(parseError));
        assertEquals(JsonValue.NULL, body(parseError).get("id"));

        RemoteMcpReply batch = crm.handle("[" + request(1, "ping", null) + "]", session, ALICE);
        assertEquals(400, batch.status());
        assertEquals(-32600, errorCode(batch));

        assertEquals(-32600, errorCode(crm.handle("{\"jsonrpc\": \"1.0\", \"id\": 1, \"method\": \"ping\"}",
                session, ALICE)));
        assertEquals(-32601, errorCode(crm.handle(request(3, "resources/list", null), session, ALICE)));
        assertEquals(-32602, errorCode(crm.handle(call(4, "no_such_tool", "{}"), session, ALICE)));
        assertEquals(-32602, errorCode(crm.handle(request(5, "tools/call", "{}"), session, ALICE)));
    }

    @Test
    void missingOrIllTypedArgumentsAreInvalidParamsNamingThem() {
        String session = initialize(ALICE);

        RemoteMcpReply missing = crm.handle(call(1, "lookup_customer", "{}"), session, ALICE);
        RemoteMcpReply number = crm.handle(call(2, "lookup_customer", "{\"name\": 42}"), session, ALICE);
        RemoteMcpReply blank = crm.handle(call(3, "lookup_customer", "{\"name\": \" \"}"), session, ALICE);

        for (RemoteMcpReply reply : List.of(missing, number, blank)) {
            assertEquals(-32602, errorCode(reply));
            assertTrue(body(reply).getJsonObject("error").getString("message").contains("name"));
        }
    }

    @Test
    void toolsListShowsTheToolsWithTheirInputSchemas() {
        RemoteMcpProtocol scheduler = new RemoteMcpProtocol(SampleApp.SCHEDULER, new SchedulerToolbox(), sessions);
        String session = scheduler.handle(request(1, "initialize", "{}"), null, ALICE).sessionId();

        JsonObject result = body(scheduler.handle(request(2, "tools/list", null), session, ALICE))
                .getJsonObject("result");

        assertEquals(List.of("find_slot", "book_meeting"), result.getJsonArray("tools").stream()
                .map(tool -> tool.asJsonObject().getString("name")).toList());
        JsonObject schema = result.getJsonArray("tools").getJsonObject(1).getJsonObject("inputSchema");
        assertEquals("object", schema.getString("type"));
        assertEquals(List.of("title", "day"), schema.getJsonArray("required").getValuesAs(
                v -> ((jakarta.json.JsonString) v).getString()));
    }

    @Test
    void aResultShowsTheDataAndWhichConnectionItCameWith() {
        String session = initialize(ALICE);

        JsonObject result = result(crm.handle(call(7, "lookup_customer", "{\"name\": \"acme corp\"}"), session,
                ALICE));

        assertEquals(JsonValue.FALSE, result.get("isError"));
        JsonObject structured = result.getJsonObject("structuredContent");
        assertEquals("Acme Corp", structured.getString("name"));
        assertEquals("cus-001", structured.getString("id"));
        JsonObject connection = structured.getJsonObject("connection");
        assertEquals("crm", connection.getString("app"));
        assertEquals("user", connection.getString("level"));
        assertEquals("alice", connection.getString("user"));
        assertEquals("acme", connection.getString("tenant"));
        assertEquals(List.of("crm.read"), connection.getJsonArray("scopes").getValuesAs(
                v -> ((jakarta.json.JsonString) v).getString()));
        JsonObject text = result.getJsonArray("content").getJsonObject(0);
        assertEquals("text", text.getString("type"));
        assertEquals(structured, Json.createReader(new StringReader(text.getString("text"))).readObject());
    }

    private String initialize(ConnectionView connection) {
        return crm.handle(request(1, "initialize", "{}"), null, connection).sessionId();
    }

    static String request(int id, String method, String params) {
        return "{\"jsonrpc\": \"2.0\", \"id\": " + id + ", \"method\": \"" + method + "\""
                + (params == null ? "" : ", \"params\": " + params) + "}";
    }

    static String call(int id, String tool, String arguments) {
        return request(id, "tools/call", "{\"name\": \"" + tool + "\", \"arguments\": " + arguments + "}");
    }

    static JsonObject result(RemoteMcpReply reply) {
        assertEquals(200, reply.status());
        assertNotNull(body(reply).getJsonObject("result"), () -> "not a result: " + body(reply));
        return body(reply).getJsonObject("result");
    }

    /** The reply's JSON body as an object, or null for none. */
    static JsonObject body(RemoteMcpReply reply) {
        String json = reply.body();
        return json == null ? null : Json.createReader(new StringReader(json)).readObject();
    }

    private static int errorCode(RemoteMcpReply reply) {
        return body(reply).getJsonObject("error").getInt("code");
    }
}
