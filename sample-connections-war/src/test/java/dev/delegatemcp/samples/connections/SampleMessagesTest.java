package dev.delegatemcp.samples.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

class SampleMessagesTest {

    @Test
    void everyIdIsUniqueWellFormedAndCarriesItsLevelsLetter() {
        assertEquals(SampleMessages.values().length,
                Arrays.stream(SampleMessages.values()).map(SampleMessages::id).distinct().count());
        for (SampleMessages message : SampleMessages.values()) {
            assertTrue(message.id().matches("DMCPA[0-9]{4}[IWE]"), message.id());
            char expected = message.level().intValue() >= Level.SEVERE.intValue() ? 'E'
                    : message.level().intValue() >= Level.WARNING.intValue() ? 'W' : 'I';
            assertEquals(expected, message.id().charAt(message.id().length() - 1), message.id());
        }
    }

    @Test
    void aLineStartsWithItsIdAndPlacesItsArguments() {
        assertEquals("DMCPA0004I: The crm MCP server refused a request: no bearer token",
                SampleMessages.REMOTE_REFUSED.format("crm", "no bearer token"));
    }
}
