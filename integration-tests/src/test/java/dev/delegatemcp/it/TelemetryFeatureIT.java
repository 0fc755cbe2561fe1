package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Liberty loads {@code mpTelemetry-2.1} only on a server where telemetry is on (server.xml includes
 * {@code telemetry/otel-sdk-disabled-${otel.sdk.disabled}.xml}): loaded with its SDK off, the feature would still cost
 * about 15 % of a small request's CPU (its HTTP and REST monitor filters). The demo server runs with telemetry off (its
 * default); the second demo server with {@code -Dotel.sdk.disabled=false} (its traces reach its receiver:
 * {@link DemoTelemetryE2EIT}). Read from the features line Liberty writes as it starts ({@code CWWKF0012I}).
 */
class TelemetryFeatureIT {

    private static String installedFeatures(String serverDirectoryProperty) throws IOException {
        Path log = Path.of(System.getProperty(serverDirectoryProperty), "logs", "messages.log");
        List<String> lines = Files.readAllLines(log).stream().filter(line -> line.contains("CWWKF0012I")).toList();
        assertFalse(lines.isEmpty(), "Liberty wrote which features it installed, in " + log);
        return String.join("\n", lines);
    }

    @Test
    void aServerWithTelemetryOffRunsWithoutLibertysTelemetryFeatureOrItsMonitor() throws IOException {
        String features = installedFeatures("it.demo.server.dir");
        assertTrue(features.contains("mpJwt-2.1"), features);
        assertFalse(features.contains("mpTelemetry"), features);
        assertFalse(features.contains("monitor-1.0"), features);
        String log = Files.readString(Path.of(System.getProperty("it.demo.server.dir"), "logs", "messages.log"));
        assertFalse(log.contains("DMCPS0015W"), "no warning when telemetry is not asked for");
        assertFalse(log.contains("DMCPS0016W"), "nor that the feature is loaded for nothing");
    }

    @Test
    void aServerWithTelemetryOnRunsWithLibertysTelemetryFeature() throws IOException {
        String features = installedFeatures("it.demo2.server.dir");
        assertTrue(features.contains("mpTelemetry-2.1"), features);
        String log = Files.readString(Path.of(System.getProperty("it.demo2.server.dir"), "logs", "messages.log"));
        assertFalse(log.contains("DMCPS0015W"), "the feature asked for is loaded");
        assertFalse(log.contains("DMCPS0016W"), "and telemetry is on");
    }
}
