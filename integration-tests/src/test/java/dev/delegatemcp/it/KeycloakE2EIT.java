package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.delegatemcp.it.support.DemoKeycloak;
import dev.delegatemcp.it.support.Node;
import dev.delegatemcp.test.TestSecrets;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The default demo end to end: a real Keycloak (identity provider and RFC 8693 STS), the MCP server EAR and the
 * sample calendar service on Liberty, driven by the official TypeScript SDK client. Keycloak and the demo server are
 * started by the build (integration-tests/pom.xml) on test ports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakE2EIT {

    private static final int KEYCLOAK_PORT = Integer.getInteger("it.keycloak.port", 18180);
    private static final String MCP_URL = "http://localhost:" + Integer.getInteger("it.demo.http.port", 19280)
            + "/mcp-server/mcp";
    private static final Path LOG =
            Path.of(System.getProperty("it.demo.server.dir", "target/liberty/wlp/usr/servers/mcpDemoServer"),
                    "logs/downstream-audit0.log");

    private static final Instant STARTED = Instant.now();
    private static final Set<String> EXCHANGE_TARGETS = Set.of("calendar", "payroll");

    private static String aliceToken;
    private static String bobToken;

    @BeforeAll
    static void signIn() {
        TestSecrets.record("dev-mcp-server-secret");
        aliceToken = DemoKeycloak.userToken("alice");
        bobToken = DemoKeycloak.userToken("bob");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static JsonObject claims(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static JsonArray call(String token, String tool, int times) {
        Node.Result result = Node.run(Map.of("MCP_URL", MCP_URL, "MCP_TOKEN", token, "MCP_TOOL", tool,
                "MCP_CALLS", String.valueOf(times)), 180, "sdk-client.mjs", "calls");
        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        return result.json().getJsonArray("results");
    }

    /** The audit lines of a user, once at least {@code expected} are written (a background writer). */
    private static List<JsonObject> auditRecords(String subject, int expected) throws IOException {
        long deadline = System.currentTimeMillis() + 10_000;
        List<JsonObject> records = readAuditRecords(subject);
        while (records.size() < expected && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            records = readAuditRecords(subject);
        }
        return records;
    }

    private static List<JsonObject> readAuditRecords(String subject) throws IOException {
        List<JsonObject> records = new ArrayList<>();
        for (String line : Files.readAllLines(LOG)) {
            int start = line.indexOf("{\"type\":\"downstream_credential\"");
            if (start >= 0 && line.contains("\"user\":\"" + subject + "\"")) {
                JsonObject record = json(line.substring(start).trim());
                // Only this class's token-exchange targets, from this run (the audit file outlives the server).
                if (EXCHANGE_TARGETS.contains(record.getString("target"))
                        && !Instant.parse(record.getString("time")).isBefore(STARTED)) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    @Test
    @Order(1)
    void calendarReceivesAnExchangedTokenForItsOwnAudienceAndTheSecondCallIsCached() throws IOException {
        JsonObject inbound = claims(aliceToken);
        JsonArray results = call(aliceToken, "calendar_events", 2);
        for (int i = 0; i < 2; i++) {
            JsonObject result = results.getJsonObject(i);
            assertFalse(result.getBoolean("isError"), result.toString());
            JsonObject seen = json(result.getString("text"));
            assertEquals(inbound.getString("sub"), seen.getString("subject"), "the same user");
            assertEquals(List.of("calendar-api"),
                    seen.getJsonArray("audience").getValuesAs(jakarta.json.JsonString.class)
                            .stream().map(jakarta.json.JsonString::getString).toList(),
                    "a token for the calendar only");
            assertEquals("mcp-server", seen.getString("authorizedParty"), "obtained by the MCP server, not the client");
        }
        assertEquals("mcp-client", inbound.getString("azp"), "the inbound token was the MCP client's");
        List<JsonObject> audit = auditRecords(inbound.getString("sub"), 2);
        assertEquals(2, audit.size(), audit.toString());
        assertFalse(audit.get(0).getBoolean("cache_hit"));
        assertTrue(audit.get(1).getBoolean("cache_hit"), "the second call made no STS request");
        assertEquals("granted", audit.get(0).getString("outcome"));
        assertEquals("mcp-client", audit.get(0).getString("mcp_client"));
        assertEquals("acme", audit.get(0).getString("tenant"));
    }

    @Test
    @Order(2)
    void targetThePolicyDoesNotAllowGivesAnErrorResultTheUserCanActOn() throws IOException {
        JsonObject result = call(aliceToken, "payroll_summary", 1).getJsonObject(0);
        assertTrue(result.getBoolean("isError"));
        assertEquals("Access to payroll is not available to you or to this server; ask your administrator to grant it.",
                result.getString("text"));
        JsonObject audit = auditRecords(claims(aliceToken).getString("sub"), 3).stream()
                .filter(r -> "payroll".equals(r.getString("target"))).findFirst().orElseThrow();
        assertEquals("denied", audit.getString("outcome"));
        assertEquals("invalid_request", audit.getString("sts_error"));
    }

    /** Keycloak stays down for the rest of the run: test classes that need it sort before this one (KeycloakC...). */
    @Test
    @Order(3)
    void keycloakStoppedGivesAnErrorResultWithinTheTimeout() throws IOException, InterruptedException {
        ProcessBuilder stopKeycloak = new ProcessBuilder(Path.of("..", "bin", "keycloak").toString(), "stop")
                .redirectErrorStream(true);
        stopKeycloak.environment().put("KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT));
        Process stop = stopKeycloak.start();
        stop.getInputStream().transferTo(System.out);
        assertEquals(0, stop.waitFor(), "bin/keycloak stop failed");
        JsonObject result = call(bobToken, "calendar_events", 1).getJsonObject(0);
        assertTrue(result.getBoolean("isError"), result.toString());
        assertEquals(
                "Access to the calendar service could not be obtained just now, as the service that grants it did not answer; try again in a moment.",
                result.getString("text"));
        assertTrue(result.getInt("millis") < 10_000, "answered in " + result.getInt("millis") + " ms");
    }
}
