package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final OriginPolicy policy;

    OriginPolicyTest() {
        TransportConfig config = new TransportConfig();
        config.allowedOrigins = List.of("http://localhost:6274");
        policy = new OriginPolicy(config);
    }

    @Test
    void aRequestWithoutOriginPasses() {
        assertTrue(policy.allows(List.of()));
    }

    @Test
    void oneOriginPassesOnlyWhenAllowed() {
        assertTrue(policy.allows(List.of("http://localhost:6274")));
        assertFalse(policy.allows(List.of("http://evil.example.com")));
    }

    @Test
    void twoOriginsAreRefusedWhateverTheFirst() {
        assertFalse(policy.allows(List.of("http://localhost:6274", "http://evil.example.com")));
        assertFalse(policy.allows(List.of("http://localhost:6274", "http://localhost:6274")));
    }
}
