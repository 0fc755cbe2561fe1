package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.it.support.SecretsLedger;

import org.junit.jupiter.api.Test;

/**
 * Runs last (failsafe runs the classes in alphabetical order): every log of every Liberty server of this test run
 * (messages, trace, FFDC) is searched for every token and secret the run used, inbound or exchanged.
 */
class WholeRunLogScanIT {

    @Test
    void noInboundTokenExchangedCredentialOrClientSecretIsInAnyServerLog() throws IOException {
        Path servers = McpTestServer.serverDirectory().getParent();
        List<Path> logs;
        try (Stream<Path> files = Files.walk(servers)) {
            logs = files.filter(Files::isRegularFile).filter(f -> f.toString().contains("/logs/")).toList();
        }
        List<String> secrets = SecretsLedger.all();
        assertTrue(logs.size() >= 2, "logs found: " + logs);
        assertTrue(secrets.size() > 50, "the run used " + secrets.size() + " secrets; run the whole suite");
        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    leaks.add(log.getFileName() + " holds a secret starting " + secret.substring(0, Math.min(12, secret.length())));
                }
            }
        }
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    }
}
