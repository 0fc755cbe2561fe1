package dev.delegatemcp.server.protocol.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RequestStateConfigTest {

    private static final String SECRET = "a secret of at least thirty-two characters";

    @Test
    void theDefaultsPassTheStartUpCheck() {
        new RequestStateConfig(Optional.empty(), Optional.empty(), Duration.ofMinutes(10)).check(null);
        new RequestStateConfig(Optional.of(SECRET), Optional.of(SECRET + "-old"), Duration.ofMinutes(10)).check(null);
    }

    @Test
    void aTenCharacterSecretStopsTheApplicationNamingTheKeyWithoutShowingTheValue() {
        RequestStateConfig config = new RequestStateConfig(Optional.of("0123456789"), Optional.empty(),
                Duration.ofMinutes(10));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> config.check(null));
        assertTrue(e.getMessage().contains("mcp.request-state.secret (MCP_REQUEST_STATE_SECRET) must be at least 32"),
                e.getMessage());
        assertFalse(e.getMessage().contains("0123456789"), e.getMessage());
    }

    @Test
    void aShortPreviousSecretAndATtlThatIsNotPositiveStopTheApplicationNamingEachKey() {
        RequestStateConfig config = new RequestStateConfig(Optional.of(SECRET), Optional.of("short-old"),
                Duration.ZERO);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> config.check(null));
        assertTrue(e.getMessage().contains("mcp.request-state.previous-secret"), e.getMessage());
        assertTrue(e.getMessage().contains("mcp.request-state.ttl must be"), e.getMessage());
        assertFalse(e.getMessage().contains("short-old"), e.getMessage());
    }

    @Test
    void secretsAreTrimmedAndABlankSecretIsNone() {
        RequestStateConfig config = new RequestStateConfig(Optional.of("  " + SECRET + "\n"), Optional.of("   "),
                Duration.ofMinutes(10));
        assertEquals(Optional.of(SECRET), config.secret());
        assertEquals(Optional.empty(), config.previousSecret());
    }

    @Test
    void toStringMasksTheSecrets() {
        String text = new RequestStateConfig(Optional.of(SECRET), Optional.of(SECRET + "-old"),
                Duration.ofMinutes(10)).toString();
        assertFalse(text.contains(SECRET), text);
        assertTrue(text.contains("secret=***") && text.contains("previousSecret=***") && text.contains("PT10M"), text);
    }
}
