package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.delegatemcp.it.support.McpHttp;
import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.it.support.TestTokens;
import dev.delegatemcp.it.tools.FixtureTools;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Streamable HTTP transport and JSON-RPC handling of the real EAR on a real Liberty. */
@ExtendWith(ArquillianExtension.class)
class McpTransportIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEarWithTools(FixtureTools.class.getPackage());
    }

    private static McpHttp alice() {
        return McpHttp.withToken(TestTokens.user("alice").sign());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2025-06-18", "2025-03-26"})
    void initializeAnswersWithTheClientsSupportedVersion(String version) {
        JsonObject result = alice().initialize(version).getJsonObject("result");
        assertEquals(version, result.getString("protocolVersion"));
        assertFalse(result.getJsonObject("capabilities").getJsonObject("tools").getBoolean("listChanged"));
        assertEquals("delegate-mcp", result.getJsonObject("serverInfo").getString("name"));
    }

    @Test
    void initializeWithAnUnknownVersionAnswersWithTheLatest() {
        assertEquals("2025-11-25",
                alice().initialize("1999-01-01").getJsonObject("result").getString("protocolVersion"));
    }

    @Test
    void initializeIssuesUniqueUnguessableSessionIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String id = alice().initialize().sessionId();
            assertTrue(id.length() >= 32, id);
            assertTrue(id.chars().allMatch(c -> c >= 0x21 && c <= 0x7E), id);
            ids.add(id);
        }
        assertEquals(5, ids.size());
    }

    @Test
    void requestWithoutSessionIdIsBadRequest() {
        McpHttp.Response response = alice().request(1, "ping", null);
        assertEquals(400, response.status());
        assertEquals(-32600, response.errorCode());
    }

    @Test
    void requestWithUnknownSessionIdIsNotFound() {
        assertEquals(404, alice().session("no-such-session").request(1, "ping", null).status());
    }

    @Test
    void deletedSessionIsNotFoundAfterwards() {
        McpHttp client = alice().initialize();
        assertEquals(200, client.request(1, "ping", null).status());
        assertEquals(204, client.delete().status());
        assertEquals(404, client.request(2, "ping", null).status());
        assertEquals(404, client.delete().status());
        assertEquals(400, alice().delete().status());
    }

    @Test
    void anotherUsersSessionIsNotFound() {
        String aliceSession = alice().initialize().sessionId();
        McpHttp bob = McpHttp.withToken(TestTokens.user("bob").sign()).session(aliceSession);
        assertEquals(404, bob.request(1, "ping", null).status());
    }

    @Test
    void pingAnswersEmptyResult() {
        McpHttp.Response response = alice().initialize().request(5, "ping", null);
        assertEquals(200, response.status());
        assertEquals(5, response.json().getInt("id"));
        assertTrue(response.json().getJsonObject("result").isEmpty());
    }

    @Test
    void notificationsAndResponsesAreAcceptedWithoutBody() {
        McpHttp client = alice().initialize();
        McpHttp.Response notification = client
                .post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}");
        assertEquals(202, notification.status());
        assertEquals("", notification.body());
        assertEquals(202, client.post("{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"result\":{}}").status());
    }

    @Test
    void unsupportedProtocolVersionHeaderIsBadRequest() {
        McpHttp client = alice().initialize().header("MCP-Protocol-Version", "2024-01-01");
        assertEquals(400, client.request(1, "ping", null).status());
    }

    @Test
    void getOpensAnEventStreamThatStartsWithAPrimingEventToResumeFrom() {
        McpHttp.Response stream = alice().initialize().get();
        assertEquals(200, stream.status());
        assertTrue(stream.header("Content-Type").startsWith("text/event-stream"), stream.header("Content-Type"));
        assertTrue(stream.body().matches("(?s)id: \\S+\nretry: \\d+\ndata: \n\n"), stream.body());
        assertEquals("no-cache", stream.header("Cache-Control"), "no cache holds the events");
        assertEquals("no", stream.header("X-Accel-Buffering"), "no proxy buffers them (MCP 2026-07-28)");
    }

    @Test
    void getWithoutASessionIsBadRequestAndWithAnotherUsersSessionNotFound() {
        assertEquals(400, McpHttp.withToken(TestTokens.user("alice").sign()).get().status());
        McpHttp alices = alice().initialize();
        McpHttp bob = McpHttp.withToken(TestTokens.user("bob").sign()).header("Mcp-Session-Id", alices.sessionId());
        assertEquals(404, bob.get().status());
    }

    @Test
    void foreignOriginIsForbidden() {
        McpHttp.Response response = McpHttp.withToken(TestTokens.user("alice").sign())
                .header("Origin", "http://evil.example.com").post(McpHttp.initializeRequest(1, "2025-11-25"));
        assertEquals(403, response.status());
        McpHttp local = McpHttp.withToken(TestTokens.user("alice").sign()).header("Origin", "http://localhost:6274");
        assertEquals(200, local.post(McpHttp.initializeRequest(1, "2025-11-25")).status());
    }

    @Test
    void aSecondOriginHeaderIsForbiddenEvenAfterAnAllowedOne() throws Exception {
        McpHttp alice = alice().initialize();
        String token = TestTokens.user("alice").sign();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (String method : List.of("POST", "GET", "DELETE")) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(McpTestServer.mcp()).timeout(java.time.Duration.ofSeconds(5))
                            .header("Authorization", "Bearer " + token).header("Mcp-Session-Id", alice.sessionId())
                            .header("MCP-Protocol-Version", "2025-11-25")
                            .header("Accept",
                                    "POST".equals(method) ? "application/json, text/event-stream" : "text/event-stream")
                            .header("Origin", "http://localhost:6274").header("Origin", "http://evil.example.com");
            if ("POST".equals(method)) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                        .ofString("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}"));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            assertEquals(403, client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                    .statusCode(), method);
        }
        assertEquals(200, alice.post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}").status(),
                "the session is still there: the DELETE was refused");
    }

    @Test
    void bodyThatIsNotJsonIsParseError() {
        McpHttp.Response response = alice().initialize().post("{\"jsonrpc\": ");
        assertEquals(400, response.status());
        assertEquals(-32700, response.errorCode());
    }

    @Test
    void batchIsInvalidRequest() {
        McpHttp.Response response = alice().initialize().post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");
        assertEquals(-32600, response.errorCode());
    }

    @Test
    void messageWithoutJsonrpcVersionIsInvalidRequest() {
        assertEquals(-32600, alice().initialize().post("{\"id\":1,\"method\":\"ping\"}").errorCode());
    }

    @Test
    void unknownMethodIsMethodNotFound() {
        McpHttp.Response response = alice().initialize().request(3, "resources/frobnicate", null);
        assertEquals(200, response.status());
        assertEquals(-32601, response.errorCode());
        assertEquals(3, response.json().getInt("id"));
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        McpHttp client = alice().initialize().header("Content-Type", "text/plain");
        assertEquals(415, client.request(1, "ping", null).status());
    }

    @Test
    void clientThatAcceptsOnlyEventStreamGetsTheResponseAsOneEvent() {
        McpHttp.Response response = alice().initialize().header("Accept", "text/event-stream").request(4, "ping", null);
        assertEquals(200, response.status());
        assertTrue(response.header("Content-Type").startsWith("text/event-stream"));
        assertTrue(response.body().startsWith("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}"),
                response.body());
    }

    @Test
    void toolsListIsPaginatedWithAnOpaqueCursor() {
        McpHttp client = alice().initialize();
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject result = client.request(10 + pages, "tools/list",
                    cursor == null ? null : "{\"cursor\":\"" + cursor + "\"}").json().getJsonObject("result");
            assertTrue(result.getJsonArray("tools").size() <= 3, "page size is 3 in the test server");
            result.getJsonArray("tools").forEach(t -> names.add(t.asJsonObject().getString("name")));
            cursor = result.containsKey("nextCursor") ? result.getString("nextCursor") : null;
            pages++;
        } while (cursor != null && pages < 20);
        assertTrue(pages >= 2, "several pages");
        assertTrue(names.containsAll(List.of("book_room", "echo", "fail_unexpectedly", "whoami", "add_note",
                "list_notes")), names.toString());
        assertEquals(names.stream().sorted().toList(), names);
        assertEquals(-32602, client.request(99, "tools/list", "{\"cursor\":\"not-a-cursor\"}").errorCode());
    }

    @Test
    void structuredResultMatchesItsOutputSchemaAndIsMirroredAsText() {
        McpHttp client = alice().initialize();
        JsonObject result = client
                .callTool("book_room", "{\"title\":\"Plan\",\"room\":\"LARGE\",\"day\":\"2026-12-01\","
                        + "\"attendees\":[{\"email\":\"a@example.com\"},{\"email\":\"b@example.com\",\"name\":\"Bo\"}]}")
                .getJsonObject("result");
        assertFalse(result.getBoolean("isError"));
        JsonObject booking = result.getJsonObject("structuredContent");
        assertEquals("Plan", booking.getString("title"));
        assertEquals("LARGE", booking.getString("room"));
        assertEquals("2026-12-01", booking.getString("day"));
        assertEquals(30, booking.getInt("durationMinutes"), "default applied");
        assertEquals("alice", booking.getString("bookedBy"));
        assertEquals("Bo", booking.getJsonArray("attendees").getJsonObject(1).getString("name"));
        String text = result.getJsonArray("content").getJsonObject(0).getString("text");
        assertEquals(booking, jakarta.json.Json.createReader(new java.io.StringReader(text)).readObject());
    }

    @Test
    void unknownToolIsInvalidParams() {
        assertEquals(-32602, alice().initialize().callTool("no_such_tool", "{}").getJsonObject("error").getInt("code"));
    }

    @Test
    void missingRequiredArgumentIsAToolErrorTheModelCanReadNamingIt() {
        JsonObject result = alice().initialize().callTool("echo", "{}").getJsonObject("result");
        assertTrue(result.getBoolean("isError"), result.toString());
        assertEquals("Invalid arguments for tool echo: text: is required. Correct them and call the tool again.",
                result.getJsonArray("content").getJsonObject(0).getString("text"));
    }

    @Test
    void invalidArgumentsAreOneToolErrorListingEveryViolationWithItsPath() {
        JsonObject result = alice().initialize().callTool("book_room", "{\"title\":\"x\",\"room\":\"HUGE\","
                + "\"day\":\"24.12.2026\",\"attendees\":[{\"name\":\"no email\"}]}").getJsonObject("result");
        assertTrue(result.getBoolean("isError"), result.toString());
        assertEquals("Invalid arguments for tool book_room: room: must be one of SMALL, LARGE; day: is not a valid "
                + "date; attendees[0].email: is required. Correct them and call the tool again.",
                result.getJsonArray("content").getJsonObject(0).getString("text"));
    }

    @Test
    void toolThatThrowsGivesAnErrorResultWithoutDetails() throws IOException {
        JsonObject result = alice().initialize().callTool("fail_unexpectedly", "{}").getJsonObject("result");
        assertTrue(result.getBoolean("isError"));
        String text = result.getJsonArray("content").getJsonObject(0).getString("text");
        assertTrue(text.contains("failed unexpectedly"), text);
        // It declares no readOnlyHint or idempotentHint: the user checks before calling it again.
        assertTrue(text.contains("so the tool may or may not have done what was asked. Check whether it was done before"
                + " trying again;"), text);
        assertFalse(text.contains("hunter2") || text.contains("IllegalStateException") || text.contains("at dev."),
                text);
        String log = Files.readString(McpTestServer.serverDirectory().resolve("logs/messages.log"));
        assertFalse(log.contains("hunter2"), "the exception message must not be logged");
        // The test server writes messages.log as JSON: the message id begins the "message" field.
        assertTrue(log.lines().anyMatch(line -> line.contains("DMCPS0002W: ") && line.contains("fail_unexpectedly")
                && line.contains("java.lang.IllegalStateException")), "the failure is logged as DMCPS0002W");
    }

    @Test
    void aReadOnlyToolThatThrowsTellsTheUserToTryAgainLater() throws IOException {
        JsonObject result = alice().initialize().callTool("fail_unexpectedly_read_only", "{}")
                .getJsonObject("result");
        assertTrue(result.getBoolean("isError"));
        String text = result.getJsonArray("content").getJsonObject(0).getString("text");
        assertTrue(text.startsWith("The tool fail_unexpectedly_read_only failed unexpectedly. Try again later; if it"
                + " keeps failing, give your administrator the reference "), text);
    }

    @Test
    void sessionsAreBoundedAndTheLeastRecentlyUsedIsEvicted() {
        McpHttp first = alice().initialize();
        for (int i = 0; i < 45; i++) {
            McpHttp.withToken(TestTokens.user("filler-" + i).sign()).initialize();
        }
        assertEquals(404, first.request(1, "ping", null).status(), "max 40 sessions in the test server");
    }

    @Test
    void errorResponsesEchoTheRequestId() {
        JsonObject response =
                alice().initialize().post("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"nope\"}").json();
        assertEquals("abc", ((JsonString) response.get("id")).getString());
        assertNotNull(response.getJsonObject("error").getString("message"));
        assertNotEquals(0, response.getJsonObject("error").getInt("code"));
    }

    @Test
    void aUserWhoInitializesInALoopNeverEndsAnotherUsersSession() {
        McpHttp bob = McpHttp.withToken(TestTokens.user("bob").sign()).initialize();
        McpHttp mallory = McpHttp.withToken(TestTokens.user("mallory").sign());
        for (int i = 0; i < 60; i++) {
            mallory.initialize();
        }
        assertEquals(200, bob.request(1, "ping", null).status(), "40 sessions at most, 10 per user in the test server");
        assertEquals(200, mallory.request(1, "ping", null).status(), "mallory's newest session lives");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=bogus-123", "application/json; charset=utf-16",
        "application/json; charset=\"", "application/json; charset", "application/json; charset=",
        "application/json; charset=iso-8859-1"})
    void aContentTypeWithAnUnknownOrNonUtf8CharsetIsUnsupportedMediaTypeWithAJsonRpcError(String contentType) {
        McpHttp.Response response = alice().initialize().header("Content-Type", contentType).request(1, "ping", null);
        assertEquals(415, response.status(), response.body());
        assertEquals(-32600, response.errorCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-8", "application/json;charset=UTF-8"})
    void jsonInUtf8WithACharsetParameterIsAccepted(String contentType) {
        McpHttp.Response response = alice().initialize().header("Content-Type", contentType).request(1, "ping", null);
        assertEquals(200, response.status(), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Accept=///", "Accept=application/json; q=abc", "Accept=text/event-stream;;;",
        "Accept=*/*; charset=bogus-123", "Accept=;", "Origin=http://[::1", "Origin=null", "Origin=%%%",
        "Origin=http://localhost:99999999999", "MCP-Protocol-Version=;;;", "Mcp-Session-Id=%00", "Content-Type=;;;",
        "Content-Type=application/json; q=abc", "Accept=application/json;;;q=1;q=2",
        "Last-Event-ID=;;;"})
    void malformedHeadersNeverGiveAServerError(String header) {
        String name = header.substring(0, header.indexOf('='));
        String value = header.substring(header.indexOf('=') + 1);
        McpHttp client = alice().initialize().header(name, value);
        McpHttp.Response post = client.request(1, "ping", null);
        assertTrue(post.status() < 500, name + ": " + value + " gave HTTP " + post.status() + " " + post.body());
        if (post.status() != 200) {
            assertTrue(post.errorCode() < 0, post.body());
        }
        McpHttp.Response get = client.get();
        assertTrue(get.status() < 500, "GET with " + name + ": " + value + " gave HTTP " + get.status());
        McpHttp.Response delete = client.delete();
        assertTrue(delete.status() < 500, "DELETE with " + name + ": " + value + " gave HTTP " + delete.status());
    }

    @Test
    void unreadableHeadersLeaveNoErrorInTheServerLog() throws IOException {
        McpHttp client = alice().initialize().header("Accept", "application/json; q=abc");
        assertEquals(400, client.request(1, "ping", null).status());
        String log = Files.readString(McpTestServer.serverDirectory().resolve("logs/messages.log"));
        assertFalse(log.contains("RESTEASY002005"), "a client's bad header is no server error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.25", "2e-1", "1e999999999", "1e2147483647"})
    void aFractionalOrHugeRequestIdIsInvalidRequest(String id) {
        McpHttp.Response response =
                alice().initialize().post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}");
        assertEquals(400, response.status());
        assertEquals(-32600, response.errorCode());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndAJsonRpcError() {
        byte[] twentyMiB = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(twentyMiB, (byte) ' ');
        McpHttp.Response declared = alice().initialize().post(HttpRequest.BodyPublishers.ofByteArray(twentyMiB));
        assertEquals(413, declared.status());
        assertEquals(-32600, declared.errorCode());
        assertTrue(declared.json().getJsonObject("error").getString("message").contains("4194304 bytes"),
                declared.body());
        McpHttp.Response chunked = alice().initialize().post(HttpRequest.BodyPublishers
                .ofInputStream(() -> new java.io.ByteArrayInputStream(twentyMiB)));
        assertEquals(413, chunked.status());
        assertEquals(-32600, chunked.errorCode());
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        String padded = ping + " ".repeat(4194304 - ping.length());
        McpHttp.Response response = alice().initialize().post(padded);
        assertEquals(200, response.status(), response.body().length() > 300 ? "" : response.body());
    }

    @Test
    void bodiesBeyondTheJsonParsersLimitsAreParseErrorsNotServerErrors() {
        String longNumber = "{\"jsonrpc\":\"2.0\",\"id\":1" + "0".repeat(1100) + ",\"method\":\"ping\"}";
        String exponentOverflow = "{\"jsonrpc\":\"2.0\",\"id\":1e2147483648,\"method\":\"ping\"}";
        String deep = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"a\":" + "[".repeat(5000)
                + "]".repeat(5000) + "}}";
        McpHttp client = alice().initialize();
        for (String body : List.of(longNumber, exponentOverflow, deep)) {
            McpHttp.Response response = client.post(body);
            assertEquals(400, response.status(), response.body());
            assertEquals(-32700, response.errorCode());
        }
    }
}
