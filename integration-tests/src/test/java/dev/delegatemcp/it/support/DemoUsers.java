package dev.delegatemcp.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import dev.delegatemcp.test.TestSecrets;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The demo's users at the demo server's Keycloak, and their connections at the demo token vault
 * ({@code /sample-connections/connect/{app}}, as {@code bin/connect} does), for the end-to-end tests on the demo
 * server.
 */
public final class DemoUsers {

    private static final int KEYCLOAK_PORT = Integer.getInteger("it.keycloak.port", 18180);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The demo server's base URL. */
    public static final String BASE = "http://localhost:" + Integer.getInteger("it.demo.http.port", 19280);
    /** The demo server's audit file. */
    private static final Path AUDIT = Path.of(System.getProperty("it.demo.server.dir",
            "target/liberty/wlp/usr/servers/mcpDemoServer"), "logs/downstream-audit0.log");
    /** Where users connect apps at the demo vault. */
    public static final String CONNECT = BASE + "/sample-connections/connect/";

    /** A demo user signed in at Keycloak: the access token (never printed), its subject and tenant claims. */
    public record User(String name, String token, String sub, String tenant) {
        @Override
        public String toString() {
            return name;
        }
    }

    private DemoUsers() {
    }

    /** Signs the user in (password grant of the demo's public client; scopes notes.read notes.write). */
    public static User signIn(String name) {
        String form = "grant_type=password&client_id=mcp-client&username=" + name + "&password=" + name
                + "&scope=" + URLEncoder.encode("openid notes.read notes.write", StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + KEYCLOAK_PORT
                + "/realms/mcp-demo/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, response.statusCode(), "Keycloak sign-in of " + name);
        String token = TestSecrets.record(json(response.body()).getString("access_token"));
        JsonObject claims = json(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        return new User(name, token, claims.getString("sub"), claims.getString("tenant", null));
    }

    /** POST /connect/{app}?scopes=..&level=..: stores a vault token for the user (or the user's tenant). */
    public static JsonObject connect(User user, String app, String level, String... scopes) {
        String query = "?level=" + level + (scopes.length == 0 ? ""
                : "&scopes=" + URLEncoder.encode(String.join(",", scopes), StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(CONNECT + app + query))
                .header("Authorization", "Bearer " + user.token()).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, response.statusCode(), "connect " + app + " for " + user + ": " + response.body());
        return json(response.body());
    }

    /** DELETE /connect/{app}?level=..: removes the user's (or the user's tenant's) tokens for the app. */
    public static void disconnect(User user, String app, String level) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(CONNECT + app + "?level=" + level))
                .header("Authorization", "Bearer " + user.token()).DELETE());
        assertEquals(200, response.statusCode(), "disconnect " + app + " for " + user + ": " + response.body());
    }

    /** The demo server's audit lines of the user for the target with that outcome, once the writer has caught up. */
    public static long auditLines(User user, String target, String outcome) {
        long count = -1;
        for (int attempt = 0; attempt < 20; attempt++) {
            long now;
            try {
                // The audit file is made with the first audit line of the run.
                now = !Files.exists(AUDIT) ? 0
                        : Files.readAllLines(AUDIT).stream().filter(line -> line.startsWith("{"))
                                .map(DemoUsers::json)
                                .filter(line -> user.sub().equals(line.getString("user", null))
                                        && target.equals(line.getString("target", null))
                                        && outcome.equals(line.getString("outcome", null)))
                                .count();
            } catch (IOException e) {
                throw new AssertionError("Cannot read " + AUDIT, e);
            }
            if (now == count) {
                return now;
            }
            count = now;
            try {
                Thread.sleep(250); // the audit writer writes what gathered every 0.1 s
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return count;
    }

    /** Sends a request, failing the test when there is no answer. */
    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("No answer from " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A JSON object from text. */
    public static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
