package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class StreamConfigTest {

    @Test
    void theDefaultsPassTheStartUpCheck() {
        new StreamConfig(4, 16, 100, 32, Duration.ofSeconds(1), 100, Duration.ofMinutes(5), 16).check(null);
    }

    @Test
    void boundsBelowOneAndDurationsThatAreNotPositiveStopTheApplicationNamingEveryKey() {
        StreamConfig config = new StreamConfig(0, 0, 0, 0, Duration.ZERO, 0, Duration.ofSeconds(-1), 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> config.check(null));
        for (String key : new String[] {"mcp.streams.max-per-session", "mcp.streams.max-per-subject",
            "mcp.streams.replay-events", "mcp.streams.resumable-streams", "mcp.streams.retry",
            "mcp.streams.pending-notifications", "mcp.interaction.timeout",
            "mcp.interaction.max-pending-per-session"}) {
            assertTrue(e.getMessage().contains(key + " must be"), key + " in " + e.getMessage());
        }
    }
}
