package dev.delegatemcp.it.support;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.delegatemcp.test.TestSecrets;
import jakarta.json.Json;

/** The real Keycloak of the integration tests' demo server (realm mcp-demo, on {@code it.keycloak.port}). */
public final class DemoKeycloak {

    public static final int PORT = Integer.getInteger("it.keycloak.port", 18180);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private DemoKeycloak() {
    }

    /**
     * A user's access token (scopes notes.read and notes.write) from the password grant of the public client
     * mcp-client, as an MCP client gets one; recorded in the {@link SecretsLedger} for the whole-run log scan.
     */
    public static String userToken(String user) {
        String form = "grant_type=password&client_id=mcp-client&username=" + user + "&password=" + user
                + "&scope=" + URLEncoder.encode("openid notes.read notes.write", StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                    + "/realms/mcp-demo/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("Keycloak's password grant for " + user + ": HTTP " + response.statusCode());
            }
            return TestSecrets.record(Json.createReader(new StringReader(response.body())).readObject()
                    .getString("access_token"));
        } catch (IOException e) {
            throw new AssertionError("Keycloak did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
