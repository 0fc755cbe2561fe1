package dev.delegatemcp.server.feature.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResourcesConfigTest {

    @Test
    void boundsBelowOneStopTheApplicationNamingTheirKeys() {
        ResourcesConfig config = new ResourcesConfig();
        config.pageSize = 0;
        config.maxSubscriptionsPerSession = -1;
        assertEquals(List.of("mcp.resources.page-size must be at least 1, not 0",
                "mcp.resources.max-subscriptions-per-session must be at least 1, not -1"), config.checks().problems());
        assertThrows(IllegalStateException.class, () -> config.check(null));
    }

    @Test
    void positiveBoundsPass() {
        ResourcesConfig config = new ResourcesConfig();
        config.pageSize = 1;
        config.maxSubscriptionsPerSession = 1;
        assertEquals(List.of(), config.checks().problems());
    }
}
