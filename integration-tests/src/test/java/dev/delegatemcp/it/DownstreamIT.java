package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.it.support.TestRunDoubles;
import dev.delegatemcp.it.support.TestTokens;
import dev.delegatemcp.it.tools.DownstreamTools;
import dev.delegatemcp.test.McpTestClient;
import dev.delegatemcp.test.StsDouble;
import dev.delegatemcp.test.ToolResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @Downstream} tools against a local STS that speaks and checks the Descope token-exchange wire format, and
 * downstream services that check what they receive.
 */
@ExtendWith(ArquillianExtension.class)
class DownstreamIT {

    private static final StsDouble STS = TestRunDoubles.sts();
    private static final Instant STARTED = Instant.now();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEarWithTools(DownstreamTools.class.getPackage());
    }

    /** A session of the test kit's client presenting that token. */
    private static McpTestClient connect(String token) {
        return client(token).connect();
    }

    private static McpTestClient.Builder client(String token) {
        return McpTestClient.to(McpTestServer.mcp()).bearerToken(token);
    }

    private static ToolResult call(McpTestClient client, String tool) {
        return client.callTool(tool, Map.of());
    }

    private static String text(ToolResult result) {
        return result.text();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String log() throws IOException {
        return Files.readString(McpTestServer.serverDirectory().resolve("logs/messages.log"));
    }

    private static String auditLog() throws IOException {
        return Files.readString(McpTestServer.serverDirectory().resolve("logs/downstream-audit0.log"));
    }

    /** The audit lines of a user and target, once at least {@code expected} are written (a background writer). */
    private static List<JsonObject> auditRecords(String user, String target, int expected) throws IOException {
        long deadline = System.currentTimeMillis() + 10_000;
        List<JsonObject> records = readAuditRecords(user, target);
        while (records.size() < expected && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            records = readAuditRecords(user, target);
        }
        return records;
    }

    private static List<JsonObject> readAuditRecords(String user, String target) throws IOException {
        List<JsonObject> records = new ArrayList<>();
        for (String line : auditLog().split("\n")) {
            int start = line.indexOf("{\"type\":\"downstream_credential\"");
            if (start >= 0) {
                JsonObject record = json(line.substring(start).trim());
                // From this run only: the audit file outlives the server.
                if (user.equals(record.getString("user")) && target.equals(record.getString("target"))
                        && !Instant.parse(record.getString("time")).isBefore(STARTED)) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    @Test
    void downstreamGetsATokenForItsOwnAudienceAndTheSameSubjectNeverTheInboundToken() {
        String inbound = TestTokens.user("anna").clientId("claude").sign();
        ToolResult result = call(connect(inbound), "calendar_whoami");
        assertFalse(result.isError(), result.toString());
        JsonObject seen = json(text(result));
        assertEquals("anna", seen.getString("subject"));
        assertEquals(TestRunDoubles.CALENDAR, seen.getString("audience"));
        assertEquals("mcp-server", seen.getString("azp"));
        assertFalse(seen.getString("tokenDigest").equals(TestTokens.digest(inbound)),
                "the inbound token was forwarded");

        StsDouble.Exchange exchange = STS.exchanges().stream().filter(e -> "anna".equals(e.subject())).findFirst()
                .orElseThrow();
        assertEquals(200, exchange.status());
        assertEquals(inbound, exchange.subjectToken(), "the STS got the caller's token as subject_token");
        assertEquals(List.of(TestRunDoubles.CALENDAR), exchange.form().get("resource"));
        assertEquals(List.of("calendar.read"), exchange.form().get("scope"));
        assertEquals(List.of("urn:ietf:params:oauth:grant-type:token-exchange"), exchange.form().get("grant_type"));
    }

    @Test
    void theCallersTraceGoesOnToTheStsThroughThisServersSpansAndAnUntracedCallStartsOne() {
        // The test server records with OpenTelemetry (TelemetryIT): the STS request's parent is this server's span
        // in the caller's trace, with the caller's trace state. Without OpenTelemetry the caller's context goes on
        // as received (CredentialServiceTest).
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        ToolResult traced = call(client(TestTokens.user("tracy").sign()).header("traceparent", traceparent)
                .header("tracestate", "vendor=abc").connect(), "calendar_whoami");
        assertFalse(traced.isError(), traced.toString());
        ToolResult untraced = call(connect(TestTokens.user("norah").sign()), "calendar_whoami");
        assertFalse(untraced.isError(), untraced.toString());

        StsDouble.Exchange tracy = STS.exchanges().stream().filter(e -> "tracy".equals(e.subject())).findFirst()
                .orElseThrow();
        assertTrue(tracy.traceparent().startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"), tracy.traceparent());
        assertFalse(tracy.traceparent().contains("00f067aa0ba902b7"), "the parent is this server's span");
        assertEquals("vendor=abc", tracy.tracestate());
        StsDouble.Exchange norah = STS.exchanges().stream().filter(e -> "norah".equals(e.subject())).findFirst()
                .orElseThrow();
        assertTrue(norah.traceparent().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), "a trace of this server's");
        assertFalse(norah.traceparent().contains("4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    @Test
    void secondCallIsServedFromTheCacheAndTheAuditShowsIt() throws IOException {
        McpTestClient client =
                connect(TestTokens.user("ben").tenant("acme").clientId("cursor").sign());
        assertFalse(call(client, "calendar_whoami").isError());
        assertFalse(call(client, "calendar_whoami").isError());
        assertEquals(1, STS.exchangesFor("ben", TestRunDoubles.CALENDAR).size());
        List<JsonObject> audit = auditRecords("ben", "calendar", 2);
        assertEquals(2, audit.size(), audit.toString());
        assertFalse(audit.get(0).getBoolean("cache_hit"));
        assertTrue(audit.get(1).getBoolean("cache_hit"));
        JsonObject first = audit.get(0);
        assertEquals("granted", first.getString("outcome"));
        assertEquals("acme", first.getString("tenant"));
        assertEquals("cursor", first.getString("mcp_client"));
        assertEquals("mcp-server", first.getString("server_client_id"));
        assertEquals("USER", first.getString("level"));
        assertEquals("calendar.read", first.getJsonArray("scopes").getString(0));
        assertTrue(first.containsKey("duration_ms") && first.containsKey("time"));
    }

    @Test
    void applicationsObserveEveryCredentialRequestAsACdiEvent() {
        McpTestClient client = connect(TestTokens.user("lea").sign());
        call(client, "calendar_whoami");
        call(client, "calendar_whoami");
        call(client, "payroll_report");
        assertEquals("lea/calendar/GRANTED=2,lea/payroll/DENIED=1", text(call(client, "audit_events_seen")));
    }

    @Test
    void deniedTargetGivesAnErrorResultWithThePolicySentence() throws IOException {
        McpTestClient client = connect(TestTokens.user("cara").sign());
        ToolResult result = call(client, "payroll_report");
        assertTrue(result.isError());
        assertEquals("Access to payroll was denied by your organisation's policy.", text(result));
        JsonObject audit = auditRecords("cara", "payroll", 1).get(0);
        assertEquals("denied", audit.getString("outcome"));
        assertEquals("access_denied", audit.getString("sts_error"));
    }

    @Test
    void unavailableStsGivesAnErrorResultAfterOneRetry() {
        McpTestClient client = connect(TestTokens.user("dan").sign());
        long start = System.nanoTime();
        ToolResult result = call(client, "broken_target");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(result.isError());
        assertEquals(
                "Access to the broken service could not be obtained just now, as the service that grants it did not answer; try again in a moment.",
                text(result));
        assertEquals(2, STS.exchangesFor("dan", "broken").size(), "one retry for an unavailable STS");
        assertTrue(millis < 8000, "took " + millis + " ms");
    }

    @Test
    void oneToolGetsCredentialsForSeveralTargets() {
        McpTestClient client = connect(TestTokens.user("eve").sign());
        ToolResult result = call(client, "calendar_and_crm");
        assertFalse(result.isError(), result.toString());
        assertTrue(text(result).contains("\"subject\":\"eve\""), text(result));
        assertTrue(text(result).endsWith("{\"owner\":\"eve\"}"), text(result));
        assertEquals(1, STS.exchangesFor("eve", TestRunDoubles.CRM).size());
    }

    @Test
    void tenantConnectionIsRequestedForTheCallersTenantAndNeedsOne() {
        McpTestClient acme = connect(TestTokens.user("fay").tenant("acme").sign());
        ToolResult result = call(acme, "tenant_crm");
        assertEquals("{\"owner\":\"tenant-acme\"}", text(result));
        StsDouble.Exchange exchange = STS.exchanges().stream()
                .filter(e -> "fay".equals(e.subject()) && TestRunDoubles.CRM.equals(e.resource())).findFirst()
                .orElseThrow();
        assertEquals(List.of("acme"), exchange.form().get("tenantId"));

        McpTestClient noTenant = connect(TestTokens.user("gus").sign());
        ToolResult refused = call(noTenant, "tenant_crm");
        assertTrue(refused.isError());
        assertTrue(text(refused).contains("needs an account that belongs to a tenant"), text(refused));
        assertEquals(0, STS.exchangesFor("gus", TestRunDoubles.CRM).size());
    }

    @Test
    void twoUsersCallingConcurrentlyEachOnlyEverGetTheirOwnCredential() throws Exception {
        Map<String, McpTestClient> clients = Map.of(
                "hal", connect(TestTokens.user("hal").sign()),
                "ivy", connect(TestTokens.user("ivy").sign()));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String user = i % 2 == 0 ? "hal" : "ivy";
                calls.add(
                        () -> user + "=" + json(text(call(clients.get(user), "calendar_whoami"))).getString("subject"));
            }
            for (Future<String> answer : pool.invokeAll(calls, 120, TimeUnit.SECONDS)) {
                String[] parts = answer.get().split("=");
                assertEquals(parts[0], parts[1], "a user got another user's credential");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, STS.exchangesFor("hal", TestRunDoubles.CALENDAR).size());
        assertEquals(1, STS.exchangesFor("ivy", TestRunDoubles.CALENDAR).size());
    }

    @Test
    void twoHundredConcurrentFirstCallsMakeOneExchange() throws Exception {
        McpTestClient client = connect(TestTokens.user("jay").sign());
        ExecutorService pool = Executors.newFixedThreadPool(200);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ToolResult>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call(client, "slow_target");
                }));
            }
            start.countDown();
            for (Future<ToolResult> result : results) {
                assertEquals("ok BEARER", text(result.get(120, TimeUnit.SECONDS)));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, STS.exchangesFor("jay", TestRunDoubles.SLOW).size());
    }

    @Test
    void noTokenSecretOrInboundTokenReachesTheLogOrADownstream() throws IOException {
        String inbound = TestTokens.user("kim").sign();
        McpTestClient client = connect(inbound);
        call(client, "calendar_and_crm");
        String log = log();
        assertFalse(log.contains(TestRunDoubles.CLIENT_SECRET), "client secret in the log");
        for (StsDouble.Exchange exchange : STS.exchanges()) {
            if (exchange.subjectToken() != null) {
                assertFalse(log.contains(exchange.subjectToken()), "an inbound token is in the log");
                assertFalse(
                        TestRunDoubles.downstreamTokenDigests().contains(TestTokens.digest(exchange.subjectToken())),
                        "an inbound token reached a downstream service");
            }
        }
        for (String secret : STS.issuedCredentials()) {
            assertFalse(log.contains(secret), "an exchanged credential is in the log");
        }
    }
}
