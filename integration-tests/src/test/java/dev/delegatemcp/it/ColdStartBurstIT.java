package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.delegatemcp.it.support.DemoKeycloak;
import dev.delegatemcp.test.TestSecrets;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first burst on a freshly started server: the demo server (the EAR, the sample calendar service in the same
 * Liberty, a real Keycloak), which the build has just started. Failsafe runs the classes in alphabetical order, so
 * this class is the first to call a tool on it (before ConnectionsE2EIT and KeycloakE2EIT); the test checks that
 * no credential was requested on this server before it.
 * <p>
 * Each tool call waits while the tool calls the calendar, and the calendar's request needs a Liberty thread. Liberty
 * starts with a small thread pool (two threads per CPU, its default, which the server keeps) and grows it only on its
 * controller's cycles: when tool calls held Liberty's threads, a cold burst waited for threads longer than the
 * calendar tool's time limit (10 s; 5 s on the test's demo server, see demo-server.xml), and those calls answered
 * "The calendar service could not be reached". A tool never called before is served on the server's own threads
 * (RequestWorkers), which start at once.
 */
class ColdStartBurstIT {

    private static final int CALLS_PER_USER = 50;
    private static final URI MCP = URI.create("http://localhost:" + Integer.getInteger("it.demo.http.port", 19280)
            + "/mcp-server/mcp");
    private static final Path SERVER = Path.of(System.getProperty("it.demo.server.dir",
            "target/liberty/wlp/usr/servers/mcpDemoServer"));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static final Map<String, String> TOKENS = new TreeMap<>();

    @BeforeAll
    static void signIn() {
        TestSecrets.record("dev-mcp-server-secret");
        for (String user : List.of("alice", "bob")) {
            TOKENS.put(user, DemoKeycloak.userToken(user));
        }
    }

    @Test
    void freshServerAnswersOneHundredConcurrentFirstCallsOfTwoUsersEachWithOnlyTheirOwnCalendar() throws Exception {
        assertNoCredentialRequestedSinceTheServerStarted();
        int calls = CALLS_PER_USER * TOKENS.size();
        CyclicBarrier allSessionsOpen = new CyclicBarrier(calls);
        ExecutorService callers = Executors.newFixedThreadPool(calls);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < CALLS_PER_USER; i++) {
                for (String token : TOKENS.values()) {
                    outcomes.add(callers.submit(() -> firstCall(token, allSessionsOpen)));
                }
            }
            Map<String, Integer> counts = new TreeMap<>();
            for (Future<String> outcome : outcomes) {
                counts.merge(outcome.get(5, TimeUnit.MINUTES), 1, Integer::sum);
            }
            assertEquals(Map.of("ok", calls), counts, "outcomes of " + calls + " concurrent first calls");
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * One caller: opens its own session, waits until all callers have one, then calls {@code calendar_events}.
     *
     * @return "ok" when the calendar answered with the caller's own events, else what went wrong
     */
    private static String firstCall(String token, CyclicBarrier allSessionsOpen) throws Exception {
        String session;
        try {
            HttpResponse<String> initialize = post(token, null,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                            + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"cold-start-burst\",\"version\":\"1\"}}}");
            session = initialize.statusCode() == 200 ? initialize.headers().firstValue("Mcp-Session-Id").orElse(null)
                    : null;
            if (session == null) {
                allSessionsOpen.await(3, TimeUnit.MINUTES);
                return "initialize: HTTP " + initialize.statusCode();
            }
            post(token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        } catch (IOException e) {
            allSessionsOpen.await(3, TimeUnit.MINUTES);
            return "initialize: " + e;
        }
        allSessionsOpen.await(3, TimeUnit.MINUTES);
        HttpResponse<String> response;
        try {
            response = post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"calendar_events\",\"arguments\":{}}}");
        } catch (IOException e) {
            return "tools/call: " + e;
        }
        if (response.statusCode() != 200) {
            return "tools/call: HTTP " + response.statusCode();
        }
        JsonObject answer = json(response.body());
        if (answer.containsKey("error")) {
            return "JSON-RPC error " + answer.getJsonObject("error").getInt("code");
        }
        JsonObject result = answer.getJsonObject("result");
        String text = result.getJsonArray("content").getJsonObject(0).getString("text");
        if (result.getBoolean("isError")) {
            return "isError: " + text;
        }
        JsonObject calendar = json(text);
        if (!calendar.getString("subject").equals(claims(token).getString("sub"))) {
            return "another user's calendar";
        }
        if (!calendar.getJsonArray("audience").getString(0).equals("calendar-api")) {
            return "a token for " + calendar.getJsonArray("audience");
        }
        return "ok";
    }

    private static HttpResponse<String> post(String token, String session, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(MCP).timeout(Duration.ofMinutes(3))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The test's premise: this is the server's first burst. Its audit file (which outlives the server) has no
     * credential request from after the server's start.
     */
    private static void assertNoCredentialRequestedSinceTheServerStarted() throws IOException {
        Instant started = serverStart();
        Path audit = SERVER.resolve("logs/downstream-audit0.log");
        List<String> since = new ArrayList<>();
        if (Files.exists(audit)) {
            for (String line : Files.readAllLines(audit)) {
                int start = line.indexOf("{\"type\":\"downstream_credential\"");
                if (start >= 0
                        && !Instant.parse(json(line.substring(start).trim()).getString("time")).isBefore(started)) {
                    since.add(line);
                }
            }
        }
        assertTrue(since.isEmpty(), "another test called tools on the demo server before this one (started "
                + started + "): this test must run first on it; " + since.size() + " credential requests");
    }

    /** When the demo server said it had started (CWWKF0011I), in its messages.log. */
    private static Instant serverStart() throws IOException {
        // [11/29/26, 13:15:16:981 UTC] ... CWWKF0011I: The mcpDemoServer server is ready to run a smarter planet.
        Pattern stamp = Pattern.compile("^\\[(\\d+/\\d+/\\d+, \\d+:\\d+:\\d+:\\d+) ([^\\]]+)\\].*CWWKF0011I");
        for (String line : Files.readAllLines(SERVER.resolve("logs/messages.log"))) {
            Matcher matcher = stamp.matcher(line);
            if (matcher.find()) {
                return LocalDateTime
                        .parse(matcher.group(1), DateTimeFormatter.ofPattern("M/d/yy, H:mm:ss:SSS", Locale.US))
                        .atZone(ZoneId.of(matcher.group(2), ZoneId.SHORT_IDS)).toInstant();
            }
        }
        throw new AssertionError("The demo server's messages.log has no CWWKF0011I line: is it running?");
    }

    private static JsonObject claims(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
