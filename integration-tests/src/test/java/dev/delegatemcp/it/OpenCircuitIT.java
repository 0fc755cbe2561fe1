package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import dev.delegatemcp.it.support.McpHttp;
import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.it.support.TestRunDoubles;
import dev.delegatemcp.it.support.TestTokens;
import dev.delegatemcp.it.tools.DownstreamTools;
import dev.delegatemcp.test.StsDouble;
import dev.delegatemcp.test.VaultDouble;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * When the STS or the token vault keeps failing, MicroProfile Fault Tolerance opens its circuit breaker (10 calls,
 * half of them failed): calls then fail fast without reaching them. Users must read the same sentence as for any
 * unavailable service, not "the tool failed unexpectedly", and the server log must not report the open circuit as
 * an unexpected EJB failure. A deployment of its own: the open circuits would fail other classes' calls; and users
 * of its own (circe, brennan): the STS and vault doubles count calls per user across classes.
 */
@ExtendWith(ArquillianExtension.class)
class OpenCircuitIT {

    private static final StsDouble STS = TestRunDoubles.sts();
    private static final VaultDouble VAULT = TestRunDoubles.vault();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEarWithTools(DownstreamTools.class.getPackage());
    }

    private static String errorText(McpHttp client, String tool) {
        JsonObject response = client.callTool(tool, "{}");
        assertTrue(response.containsKey("result"), "a tool result, not a JSON-RPC error: " + response);
        JsonObject result = response.getJsonObject("result");
        assertTrue(result.getBoolean("isError"), result.toString());
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static String serverLog() throws IOException {
        return Files.readString(McpTestServer.serverDirectory().resolve("logs/messages.log"));
    }

    @Test
    void anOpenCircuitToTheStsIsAServiceThatCannotBeReachedForTheUser() throws IOException {
        McpHttp client = McpHttp.withToken(TestTokens.user("circe").sign()).initialize();
        for (int i = 0; i < 6; i++) { // 12 failed exchanges (each retried once): the circuit opens
            assertEquals(
                    "Access to the broken service could not be obtained just now, as the service that grants it did not answer; try again in a moment.",
                    errorText(client, "broken_target"));
        }
        long exchanges = STS.exchangesFor("circe", "broken").size();
        assertEquals(
                "Access to the broken service could not be obtained just now, as the service that grants it did not answer; try again in a moment.",
                errorText(client, "broken_target"));
        assertEquals(exchanges, STS.exchangesFor("circe", "broken").size(), "the open circuit did not call the STS");
        assertFalse(serverLog().contains("CNTR0020E"), "an open circuit is no unexpected EJB failure");
    }

    @Test
    void anOpenCircuitToTheVaultIsAServiceThatCannotBeReachedForTheUser() throws IOException {
        VAULT.storeForUser("flaky-app", "brennan", List.of("flaky.read"), "flaky-brennan-token",
                Instant.now().getEpochSecond() + 3600);
        VAULT.failApp("flaky-app", 500);
        try {
            McpHttp client = McpHttp.withToken(TestTokens.user("brennan").sign()).initialize();
            for (int i = 0; i < 6; i++) {
                assertEquals(
                        "Access to the flaky service could not be obtained just now, as the service that grants it did not answer; try again in a moment.",
                        errorText(client, "flaky_credential"));
            }
            int calls = VAULT.callsFor("brennan").size();
            assertEquals(
                    "Access to the flaky service could not be obtained just now, as the service that grants it did not answer; try again in a moment.",
                    errorText(client, "flaky_credential"));
            assertEquals(calls, VAULT.callsFor("brennan").size(), "the open circuit did not call the vault");
            assertFalse(serverLog().contains("CNTR0020E"), "an open circuit is no unexpected EJB failure");
        } finally {
            VAULT.recoverApp("flaky-app");
        }
    }
}
