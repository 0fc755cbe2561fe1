package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import dev.delegatemcp.it.support.DemoKeycloak;
import dev.delegatemcp.it.support.Node;
import dev.delegatemcp.test.TestSecrets;

import org.junit.jupiter.api.Test;

/**
 * The README's "See a request's trace and the metrics" steps on a server configured as {@code ./run-server} configures the demo (the second demo
 * server exports to its own sample-telemetry application): after a real MCP client (the SDK) calls a {@code @Downstream}
 * tool with a Keycloak user's token, {@code GET /sample-telemetry/traces} shows the request's trace down to the token
 * exchange at Keycloak and the calendar call, and {@code GET /sample-telemetry/metrics} the counts.
 */
class DemoTelemetryE2EIT {

    private static final String BASE = "http://localhost:" + Integer.getInteger("it.demo2.http.port", 19282);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    private static String await(String path, Predicate<String> complete) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String text = get(path);
        while (!complete.test(text) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            text = get(path);
        }
        return text;
    }

    @Test
    void afterAToolCallTheDemoShowsItsTraceAndTheMetricsAsText() throws Exception {
        String token = TestSecrets.record(DemoKeycloak.userToken("alice"));
        Node.Result result = Node.run(Map.of("MCP_URL", BASE + "/mcp-server/mcp", "MCP_TOKEN", token, "MCP_TOOL",
                "calendar_events", "MCP_CALLS", "1"), 180, "sdk-client.mjs", "calls");
        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());

        String traces = await("/sample-telemetry/traces?limit=10",
                text -> text.contains("tools/call calendar_events") && text.contains("credential calendar")
                        && text.contains("GET /sample-services/calendar/events"));
        System.out.println("GET /sample-telemetry/traces:\n" + traces);
        assertTrue(traces.contains("tools/call calendar_events"), traces);
        assertTrue(traces.matches("(?s).*credential calendar +INTERNAL +[0-9.]+ ms +source=token_exchange"
                + " +outcome=granted.*"), traces);
        assertTrue(traces.contains("GET /sample-services/calendar/events"),
                "the calendar's own span, in the same trace: " + traces);
        assertFalse(traces.contains(token) || traces.contains("eyJ"), "no token on the page");

        String metrics = await("/sample-telemetry/metrics",
                text -> text.contains("gen_ai.tool.name=calendar_events")
                        && text.contains("delegatemcp.credential.request.duration"));
        assertTrue(metrics.contains("mcp.server.operation.duration (s)"), metrics);
        assertTrue(metrics.matches("(?s).*count=[1-9][0-9]* sum=[0-9.]+ .*gen_ai.tool.name=calendar_events.*"),
                metrics);
        assertTrue(metrics.contains("delegatemcp.downstream.target=calendar"), metrics);
        assertFalse(metrics.contains("alice") || metrics.contains(token), "no user id or token in the metrics");
    }
}
