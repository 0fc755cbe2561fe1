package dev.delegatemcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class VaultDoubleTest {

    private static final TestHttpServer SERVER = TestHttpServer.start(0);
    private static final VaultDouble VAULT = VaultDouble.withManagementKey(SERVER, "proj", "vault-management-key");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void theNewestTokenGrantingTheScopesIsAnsweredInDescopesShape() throws Exception {
        VAULT.storeForUser("drive", "alice", List.of("files.read"), "drive-token-old-1", 4_000_000_000L);
        VAULT.storeForUser("drive", "alice", List.of("files.read", "files.write"), "drive-token-new-2",
                4_000_000_001L);
        HttpResponse<String> response = fetch("Bearer proj:vault-management-key",
                "{\"appId\":\"drive\",\"userId\":\"alice\",\"scopes\":[\"files.write\"],"
                        + "\"options\":{\"withRefreshToken\":false,\"forceRefresh\":false}}");
        assertEquals(200, response.statusCode());
        JsonObject token = StsDoubleTest.json(response.body()).getJsonObject("token");
        assertEquals("drive-token-new-2", token.getString("accessToken"));
        assertEquals("4000000001", token.getString("accessTokenExpiry"));
        assertTrue(VAULT.violations().isEmpty());
    }

    @Test
    void aUserWithoutATokenGets404AndAWrongKeyIsAViolation() throws Exception {
        String body = "{\"appId\":\"drive\",\"userId\":\"nobody\",\"scopes\":[\"files.read\"],"
                + "\"options\":{\"withRefreshToken\":false,\"forceRefresh\":false}}";
        assertEquals(404, fetch("Bearer proj:vault-management-key", body).statusCode());
        assertEquals(400, fetch("Bearer proj:other-key-value", body).statusCode());
        assertTrue(VAULT.violations().stream().anyMatch(v -> v.contains("management key")));
    }

    private static HttpResponse<String> fetch(String authorization, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(VAULT.baseUrl().resolve(VaultDouble.USER_TOKEN))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
