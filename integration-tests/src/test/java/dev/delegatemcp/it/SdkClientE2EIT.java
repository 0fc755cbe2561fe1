package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.it.support.Node;
import dev.delegatemcp.it.support.TestTokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** End to end with real MCP clients (the TypeScript SDK and the Inspector CLI) against the real EAR, as built. */
@ExtendWith(ArquillianExtension.class)
class SdkClientE2EIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEar();
    }

    private static Node.Result client(String scenario, String token) {
        Map<String, String> env = new HashMap<>();
        env.put("MCP_URL", McpTestServer.resource());
        if (token != null) {
            env.put("MCP_TOKEN", token);
        }
        return Node.run(env, 120, "sdk-client.mjs", scenario);
    }

    @Test
    void sdkClientConnectsListsAndCallsToolsAndTerminatesTheSession() {
        String token = TestTokens.user("alice").clientId("inspector").tenant("acme").sign();
        Node.Result result = client("session", token);
        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        JsonObject out = result.json();
        assertEquals("2025-11-25", out.getString("protocolVersion"));
        assertEquals("delegate-mcp", out.getJsonObject("serverInfo").getString("name"));
        List<String> tools = out.getJsonArray("tools").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
        assertEquals(List.of("add_note", "book_meeting", "calendar_access", "calendar_add_event", "calendar_digest",
                "calendar_events", "crm_lookup", "echo",
                "find_meeting_slot", "generate_document", "list_notes", "payroll_summary", "whoami"), tools);
        assertEquals("hello hello",
                out.getJsonObject("echo").getJsonArray("content").getJsonObject(0).getString("text"));
        JsonObject whoami = out.getJsonObject("whoami").getJsonObject("structuredContent");
        assertEquals("alice", whoami.getString("subject"));
        assertEquals("inspector", whoami.getString("clientId"));
        assertEquals("acme", whoami.getString("tenant"));
        assertTrue(out.getJsonObject("failing").getBoolean("isError"));
        assertEquals(-32602, out.getJsonObject("unknownTool").getInt("code"));
        assertTrue(out.getBoolean("terminated"));
        assertEquals(404, out.getInt("statusAfterTerminate"));
    }

    private static Node.Result inspector(String token, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js", "--cli",
                McpTestServer.resource(), "--transport", "http", "--header", "Authorization: Bearer " + token));
        command.addAll(List.of(arguments));
        return Node.run(Map.of(), 120, command.toArray(String[]::new));
    }

    @Test
    void inspectorCliListsAndCallsTools() {
        String token = TestTokens.user("frank").tenant("globex").sign();
        Node.Result list = inspector(token, "--method", "tools/list");
        assertEquals(0, list.exitCode(), list.stdout() + list.stderr());
        assertTrue(list.stdout().contains("\"name\": \"whoami\""), list.stdout());
        Node.Result call = inspector(token, "--method", "tools/call", "--tool-name", "echo", "--tool-arg", "text=hi",
                "times=3");
        assertEquals(0, call.exitCode(), call.stdout() + call.stderr());
        assertTrue(call.stdout().contains("\"text\": \"hi hi hi\""), call.stdout());
        Node.Result whoami = inspector(token, "--method", "tools/call", "--tool-name", "whoami");
        assertTrue(whoami.stdout().contains("\"tenant\": \"globex\""), whoami.stdout());
    }

    static Stream<Arguments> rejectedTokens() {
        return Stream.of(
                Arguments.of("no token", null),
                Arguments.of("expired", TestTokens.user("alice").expiredSince(Duration.ofMinutes(2)).sign()),
                Arguments.of("wrong audience",
                        TestTokens.user("alice").audience("https://other.example.com/mcp").sign()),
                Arguments.of("wrong issuer", TestTokens.user("alice").issuer("https://issuer.evil.example").sign()),
                Arguments.of("bad signature", TestTokens.user("alice").signedByUnknownKey().sign()),
                Arguments.of("alg none", TestTokens.user("alice").unsigned()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void sdkClientIsRejectedWith401(String what, String token) {
        Node.Result result = client("rejected", token);
        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        JsonObject out = result.json();
        assertFalse(out.getBoolean("connected"), what);
        assertEquals(401, out.getInt("code"), what + ": " + out);
    }
}
