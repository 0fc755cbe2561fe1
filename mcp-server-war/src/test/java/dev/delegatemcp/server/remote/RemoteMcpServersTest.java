package dev.delegatemcp.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.RemoteMcpServer;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class RemoteMcpServersTest {

    private static final DownstreamCredential CREDENTIAL = new DownstreamCredential("crm", "tok-1",
            DownstreamCredential.Type.BEARER, null, null, Set.of(), () -> null);

    @Test
    void sharedHttpClientSpeaksHttp11WithTheConfiguredConnectTimeoutAndNoRedirects() {
        RemoteMcpServers servers =
                new RemoteMcpServers(Duration.parse("PT3S"), Duration.parse("PT7S"), "delegate-mcp", "0.1.0");

        HttpClient http = servers.httpClient();
        assertEquals(HttpClient.Version.HTTP_1_1, http.version());
        assertEquals(Optional.of(Duration.ofSeconds(3)), http.connectTimeout());
        assertEquals(HttpClient.Redirect.NEVER, http.followRedirects());
        assertEquals(Duration.ofSeconds(7), servers.requestTimeout());
    }

    @Test
    void openedClientIsNamedForTheTargetAndSendsTheConfiguredClientInfo() throws Exception {
        try (FakeMcpServer server = new FakeMcpServer()) {
            RemoteMcpServer crm =
                    new RemoteMcpServers(Duration.parse("PT5S"), Duration.parse("PT15S"), "my-server", "2.3.4")
                            .open("crm", server.url(), CREDENTIAL);

            assertEquals("crm", crm.name());
            crm.listTools();

            JsonObject clientInfo = server.received("initialize").get(0).params().getJsonObject("clientInfo");
            assertEquals("my-server", clientInfo.getString("name"));
            assertEquals("2.3.4", clientInfo.getString("version"));
        }
    }

    @Test
    void eachOpenGivesItsOwnClient() {
        RemoteMcpServers servers = new RemoteMcpServers(Duration.parse("PT5S"), Duration.parse("PT15S"), "n", "v");
        URI url = URI.create("http://localhost:1/mcp");
        assertTrue(servers.open("crm", url, CREDENTIAL) != servers.open("crm", url, CREDENTIAL));
    }

    @Test
    void aDurationThatIsNotPositiveIsRejectedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RemoteMcpServers(Duration.parse("-PT5S"), Duration.parse("PT15S"), "n", "v"));
        assertTrue(e.getMessage().contains("mcp.remote.connect-timeout"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RemoteMcpServers(Duration.parse("PT5S"), Duration.parse("PT0S"), "n", "v"));
        assertTrue(e.getMessage().contains("mcp.remote.timeout"), e.getMessage());
    }

    @Test
    void openRejectsAUrlThatIsNotHttp() {
        RemoteMcpServers servers = new RemoteMcpServers(Duration.parse("PT5S"), Duration.parse("PT15S"), "n", "v");
        assertThrows(IllegalArgumentException.class,
                () -> servers.open("crm", URI.create("file:///etc/passwd"), CREDENTIAL));
    }
}
