package dev.delegatemcp.server.protocol.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SessionStoreProducerTest {

    private static SessionConfig config(int max, int maxPerSubject, Duration idleTimeout) {
        SessionConfig config = new SessionConfig();
        config.max = max;
        config.maxPerSubject = maxPerSubject;
        config.idleTimeout = idleTimeout;
        return config;
    }

    @Test
    void aStoreIsMadeFromAValidConfiguration() {
        SessionStore store = new SessionStoreProducer().sessionStore(config(10, 2, Duration.ofMinutes(30)), null);
        assertEquals(0, store.count());
    }

    @Test
    void aValueOutOfRangeIsRefusedByItsKeyEvenWhenTheStoreIsMadeBeforeTheStartUpCheck() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SessionStoreProducer().sessionStore(config(0, 2, Duration.ofMinutes(30)), null));
        assertTrue(refused.getMessage().contains("mcp.sessions.max must be at least 1"), refused.getMessage());
    }

    @Test
    void aZeroIdleTimeoutIsRefusedByItsKey() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SessionStoreProducer().sessionStore(config(10, 2, Duration.ZERO), null));
        assertTrue(refused.getMessage().contains("mcp.sessions.idle-timeout"), refused.getMessage());
    }
}
