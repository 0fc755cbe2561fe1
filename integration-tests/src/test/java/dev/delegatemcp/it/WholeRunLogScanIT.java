package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.test.TestSecrets;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Runs last (failsafe runs the classes in alphabetical order): every log of every Liberty server of this test run
 * (messages, trace, FFDC) is searched for every token and secret the run used, inbound or exchanged. The test server
 * writes messages.log as JSON (Liberty's JSON logging, {@code WLP_LOGGING_MESSAGE_FORMAT=json}), the demo servers
 * in Liberty's plain format: both are read.
 */
class WholeRunLogScanIT {

    @Test
    void noInboundTokenExchangedCredentialOrClientSecretIsInAnyServerLog() throws IOException {
        Path servers = McpTestServer.serverDirectory().getParent();
        List<Path> logs;
        try (Stream<Path> files = Files.walk(servers)) {
            logs = files.filter(Files::isRegularFile).filter(f -> f.toString().contains("/logs/")).toList();
        }
        List<String> secrets = TestSecrets.all();
        assertTrue(logs.size() >= 2, "logs found: " + logs);
        assertTrue(secrets.size() > 50, "the run used " + secrets.size() + " secrets; run the whole suite");
        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            // JSON logs write "/" as "\/": a secret holding one is searched for as written, and unescaped.
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            text = text + "\n" + text.replace("\\/", "/");
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    leaks.add(log.getFileName() + " holds a secret starting "
                            + secret.substring(0, Math.min(12, secret.length())));
                }
            }
        }
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    }

    @Test
    void noCdiWarningNamesOneOfOurClasses() throws IOException {
        Path servers = McpTestServer.serverDirectory().getParent();
        List<Path> logs;
        try (Stream<Path> files = Files.walk(servers)) {
            logs = files.filter(f -> f.getFileName().toString().equals("messages.log")).toList();
        }
        assertTrue(logs.size() >= 2, "logs found: " + logs);
        List<String> warnings = new ArrayList<>();
        for (Path log : logs) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                boolean warning = line.contains(" W WELD-") || line.contains("\"loglevel\":\"WARN");
                if (warning && line.contains("WELD-") && line.contains("dev.delegatemcp")) {
                    warnings.add(log.getParent().getParent().getFileName() + ": " + line);
                }
            }
        }
        // e.g. WELD-001471, a lifecycle callback declared to throw a checked exception
        assertTrue(warnings.isEmpty(), String.join("\n", warnings));
    }

    /** Liberty's messages.log line: [time] thread logger level text; our lines' text starts with their id. */
    private static final java.util.regex.Pattern OUR_LINE = java.util.regex.Pattern.compile(
            "^\\[[^]]+\\] \\S+ +\\S+ +([A-Z]) (DMCP\\S*?):? .*$");

    @Test
    void everyOperatorLineOfOursCarriesAWellFormedIdAtItsOwnSeverity() throws IOException {
        Path servers = McpTestServer.serverDirectory().getParent();
        List<String> problems = new ArrayList<>();
        java.util.Set<String> seen = new java.util.TreeSet<>();
        try (Stream<Path> files = Files.walk(servers)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("messages")).toList()) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    String level;
                    String id;
                    JsonObject record = line.startsWith("{\"type\":") ? jsonRecord(line) : null;
                    if (record != null) {
                        var matcher = OUR_JSON_MESSAGE.matcher(record.getString("message", ""));
                        if (!matcher.matches()) {
                            continue;
                        }
                        level = jsonLevel(record.getString("loglevel", ""));
                        id = matcher.group(1);
                    } else {
                        var matcher = OUR_LINE.matcher(line);
                        if (!matcher.matches()) {
                            continue;
                        }
                        level = matcher.group(1);
                        id = matcher.group(2);
                    }
                    seen.add(id);
                    if (!id.matches("DMCP[A-Z][0-9]{4}[IWE]") || id.charAt(id.length() - 1) != severityLetter(level)) {
                        problems.add(log.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // The run makes a tool fail (McpTransportIT) and presents refused tokens (McpSecurityIT).
        assertTrue(seen.contains("DMCPS0002W") && seen.contains("DMCPS0004I"), "ids seen: " + seen);
    }

    /** The line as a JSON log record; null when it is not one (a plain line that happens to start with a brace). */
    private static JsonObject jsonRecord(String line) {
        try {
            return Json.createReader(new StringReader(line)).readObject();
        } catch (jakarta.json.JsonException e) {
            return null;
        }
    }

    /** The message of a JSON log record: ours start with their id. */
    private static final java.util.regex.Pattern OUR_JSON_MESSAGE =
            java.util.regex.Pattern.compile("^(DMCP\\S*?):? .*$", java.util.regex.Pattern.DOTALL);

    /** A JSON record's {@code loglevel} (INFO, AUDIT, WARNING, SEVERE, ...) as the plain format's level column. */
    private static String jsonLevel(String loglevel) {
        return switch (loglevel) {
            case "WARNING", "WARN" -> "W";
            case "SEVERE", "ERROR" -> "E";
            case "FATAL" -> "F";
            default -> "I";
        };
    }

    /** Liberty's level column (I, A audit, W, E, F fatal) as the id's severity letter. */
    private static char severityLetter(String level) {
        return switch (level) {
            case "W" -> 'W';
            case "E", "F" -> 'E';
            default -> 'I';
        };
    }
}
