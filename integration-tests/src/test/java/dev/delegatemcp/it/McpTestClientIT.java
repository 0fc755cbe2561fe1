package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.it.support.TestTokens;
import dev.delegatemcp.it.tools.InteractionTools;
import dev.delegatemcp.test.ElicitationReply;
import dev.delegatemcp.test.McpErrorException;
import dev.delegatemcp.test.McpHttpException;
import dev.delegatemcp.test.McpResponse;
import dev.delegatemcp.test.McpTestClient;
import dev.delegatemcp.test.ToolResult;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test kit's client (mcp-test) against the real server: its features a tool author uses (calls with progress and
 * log messages, canned sampling and elicitation answers, every page of a list, resources, templates and prompts,
 * errors). Its wire mechanics (resumption, time limits, ids, roots, ping) are covered by McpTestClientTest.
 */
@ExtendWith(ArquillianExtension.class)
class McpTestClientIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEarWithTools(InteractionTools.class.getPackage());
    }

    private static McpTestClient.Builder client(String subject) {
        return McpTestClient.to(McpTestServer.mcp()).bearerToken(TestTokens.user(subject).sign());
    }

    @Test
    void progressNotificationsOfACallComeWithItsResult() {
        try (McpTestClient mcp = client("kit-pia").connect()) {
            ToolResult result = mcp.callTool("e2e_progress", Map.of()).assertSuccess()
                    .assertTextContains("progress requested: true");
            assertEquals(List.of(new McpResponse.Progress(1, 3.0, "step 1 of 3"),
                    new McpResponse.Progress(2, 3.0, "step 2 of 3"), new McpResponse.Progress(3, 3.0, "step 3 of 3")),
                    result.progress());
        }
    }

    @Test
    void logMessagesAtOrAboveTheSetLevelComeWithTheResult() {
        try (McpTestClient mcp = client("kit-lou").logLevel("info").connect()) {
            ToolResult result = mcp.callTool("e2e_log", Map.of()).assertSuccess();
            assertEquals(List.of("info", "warning"),
                    result.logs().stream().map(McpResponse.LogMessage::level).toList());
        }
    }

    @Test
    void aCannedSamplingAnswerReachesTheTool() {
        List<JsonObject> asked = new CopyOnWriteArrayList<>();
        try (McpTestClient mcp = client("kit-sam").onSampling(params -> {
            asked.add(params);
            return "Paris.";
        }).connect()) {
            mcp.callTool("e2e_ask_model", Map.of("question", "Capital of France?")).assertSuccess()
                    .assertTextContains("ASSISTANT (mcp-test): Paris.");
        }
        assertEquals("Answer in one sentence.", asked.get(0).getString("systemPrompt"));
        assertEquals(50, asked.get(0).getInt("maxTokens"));
    }

    @Test
    void aCannedElicitationAnswerFillsTheToolsForm() {
        try (McpTestClient mcp = client("kit-eli")
                .onElicitation(params -> ElicitationReply.accept(Map.of("name", "Ada", "guests", 3, "size", "l")))
                .connect()) {
            mcp.callTool("e2e_ask_user", Map.of()).assertSuccess().assertStructured("action", "ACCEPT")
                    .assertStructured("name", "Ada").assertStructured("size", "l");
        }
        try (McpTestClient mcp = client("kit-dec").onElicitation(params -> ElicitationReply.decline()).connect()) {
            mcp.callTool("e2e_ask_user", Map.of()).assertSuccess().assertStructured("action", "DECLINE");
        }
    }

    @Test
    void resourcesAndPromptsAreListedReadAndGot() {
        try (McpTestClient mcp = McpTestClient.to(McpTestServer.mcp())
                .bearerToken(TestTokens.user("kit-ria").scopes("notes.read", "admin.read").sign()).connect()) {
            assertTrue(mcp.listResources().stream().anyMatch(r -> "e2e://open/notice".equals(r.getString("uri"))));
            assertEquals("open to every caller", mcp.readResourceText("e2e://open/notice"));
            assertTrue(mcp.listResourceTemplates().stream()
                    .anyMatch(t -> "e2e://admin/users/{user}".equals(t.getString("uriTemplate"))));
            assertEquals("account of bob", mcp.readResourceText("e2e://admin/users/bob"));
            assertTrue(mcp.listPrompts().stream().anyMatch(p -> "e2e_admin_prompt".equals(p.getString("name"))));
            JsonObject prompt = mcp.getPrompt("e2e_admin_prompt", Map.of("topic", "billing"));
            assertEquals("Write an audit report on billing.",
                    prompt.getJsonArray("messages").getJsonObject(0).getJsonObject("content").getString("text"));
        }
    }

    @Test
    void listToolsReadsEveryPage() {
        try (McpTestClient mcp = client("kit-tom").connect()) {
            List<String> names = mcp.toolNames();
            assertTrue(names.size() > 3, "more than one page of 3: " + names);
            assertTrue(names.containsAll(List.of("e2e_progress", "e2e_log", "e2e_ask_model", "e2e_ask_user")), names
                    .toString());
        }
    }

    @Test
    void anUnknownToolIsAJsonRpcErrorAndNoTokenIsA401WithTheChallenge() {
        try (McpTestClient mcp = client("kit-una").connect()) {
            assertEquals(-32602, assertThrows(McpErrorException.class, () -> mcp.callTool("no_such_tool", Map.of()))
                    .code());
        }
        McpHttpException refused =
                assertThrows(McpHttpException.class, () -> McpTestClient.to(McpTestServer.mcp()).connect());
        assertEquals(401, refused.status());
        assertTrue(refused.wwwAuthenticate().startsWith("Bearer resource_metadata="), refused.wwwAuthenticate());
    }
}
