package dev.delegatemcp.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolVersionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2025-06-18", "2025-03-26"})
    void supportedRequestedVersionIsKept(String version) {
        assertTrue(ProtocolVersions.isSupported(version));
        assertEquals(version, ProtocolVersions.negotiate(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-11-05", "2099-01-01", "", "latest"})
    void unsupportedRequestedVersionGetsLatest(String version) {
        assertFalse(ProtocolVersions.isSupported(version));
        assertEquals(ProtocolVersions.LATEST, ProtocolVersions.negotiate(version));
    }

    @Test
    void latestIsFirstSupportedAndAssumedVersionIsSupported() {
        assertEquals(ProtocolVersions.LATEST, ProtocolVersions.SUPPORTED.get(0));
        assertTrue(ProtocolVersions.isSupported(ProtocolVersions.ASSUMED_WITHOUT_HEADER));
    }
}
