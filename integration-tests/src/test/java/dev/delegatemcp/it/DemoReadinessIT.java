package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Readiness of the demo server (MicroProfile Health, {@code /health/ready}) follows its dependencies: while the
 * real Keycloak (the token issuer's JWK set and the STS) does not answer, the server reports DOWN with a reason,
 * within the configured time ({@code mcp.health.cache-ttl} and {@code mcp.health.timeout}, each PT1S in the demo
 * test configuration); it reports UP again once Keycloak answers. Keycloak is stopped with SIGSTOP and resumed with
 * SIGCONT: a process that no longer answers (the harder case for a check: no refusal, only silence), and one that
 * comes back with its realm and keys, so the other tests that use it later are not disturbed. Liveness stays UP.
 */
class DemoReadinessIT {

    private static final String BASE = "http://localhost:" + Integer.getInteger("it.demo.http.port", 19280);
    private static final int KEYCLOAK_PORT = Integer.getInteger("it.keycloak.port", 18180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Time to see a change: the cache's 1 s, the probe's 1 s connect plus 1 s answer, and slack for a busy machine. */
    private static final Duration WITHIN = Duration.ofSeconds(15);

    private record Health(int status, JsonObject body) {
        JsonObject check(String name) {
            return body.getJsonArray("checks").stream().map(JsonObject.class::cast)
                    .filter(check -> check.getString("name").equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no check " + name + " in " + body));
        }
    }

    private static Health get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Health(response.statusCode(), Json.createReader(new StringReader(response.body())).readObject());
    }

    private static Health awaitReady(Predicate<Health> condition, String what) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        Health last;
        do {
            last = get("/health/ready");
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(what + " within " + WITHIN + "; last answer: " + last.status() + " " + last.body());
    }

    private static void signalKeycloak(String signal) throws Exception {
        Path pidFile = Path.of("..", "target", "keycloak", "keycloak-" + KEYCLOAK_PORT + ".pid");
        String pid = Files.readString(pidFile).trim();
        // bin/keycloak starts kc.sh with setsid: the pid is its process group's, which holds Keycloak's java too.
        Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + pid).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " -- -" + pid);
    }

    @Test
    void readinessIsDownWithAReasonWhileKeycloakDoesNotAnswerAndUpAgainWhenItDoes() throws Exception {
        Health ready = awaitReady(h -> h.status() == 200, "ready at first");
        JsonObject dependencies = ready.check("dependencies");
        assertEquals("UP", dependencies.getString("status"), dependencies.toString());
        JsonObject data = dependencies.getJsonObject("data");
        assertEquals("UP", data.getString("issuer"), data.toString());
        assertEquals("UP", data.getString("sts"), data.toString());
        assertTrue(data.containsKey("vault"), "the demo's connected services use the token vault: " + data);
        assertFalse(ready.body().toString().contains("localhost"), "no host for whoever reaches /health: " + data);

        // If this JVM ends between STOP and CONT, Keycloak must not stay frozen for whatever runs next.
        Thread resume = new Thread(() -> {
            try {
                signalKeycloak("CONT");
            } catch (Exception e) {
                // the JVM is ending: nothing more to do
            }
        });
        Runtime.getRuntime().addShutdownHook(resume);
        signalKeycloak("STOP");
        try {
            Health down = awaitReady(h -> h.status() == 503, "not ready while Keycloak does not answer");
            JsonObject check = down.check("dependencies");
            assertEquals("DOWN", check.getString("status"));
            String issuer = check.getJsonObject("data").getString("issuer");
            assertTrue(issuer.startsWith("DOWN: no answer within 1000 ms")
                    || issuer.startsWith("DOWN: no connection within 1000 ms"), issuer);
            assertTrue(check.getJsonObject("data").getString("sts").startsWith("DOWN: "), check.toString());
            assertFalse(down.body().toString().contains("/realms/"), "no path of a URL: " + down.body());

            Health live = get("/health/live");
            assertEquals(200, live.status(), "liveness does not depend on Keycloak: " + live.body());
        } finally {
            signalKeycloak("CONT");
            Runtime.getRuntime().removeShutdownHook(resume);
        }
        Health again = awaitReady(h -> h.status() == 200, "ready again once Keycloak answers");
        Path log = Path.of(System.getProperty("it.demo.server.dir"), "logs", "messages.log");
        String lines = Files.readString(log);
        assertTrue(lines.contains("DMCPS0013W: Dependency issuer (http://localhost:" + KEYCLOAK_PORT
                + ") does not answer: no answer within 1000 ms")
                || lines.contains("DMCPS0013W: Dependency issuer (http://localhost:" + KEYCLOAK_PORT
                        + ") does not answer: no connection within 1000 ms"),
                "the operator reads it in the log");
        assertTrue(lines.contains("DMCPS0014I: Dependency issuer (http://localhost:" + KEYCLOAK_PORT
                + ") answers again"), "and reads that it is back");
        assertFalse(lines.contains("CWMMH0052W:"), "Liberty's line for every DOWN answer served is hidden");
        assertEquals("UP", again.check("dependencies").getString("status"));
    }
}
