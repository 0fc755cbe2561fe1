package dev.delegatemcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

class ServerMessagesTest {

    @Test
    void everyIdIsUniqueWellFormedAndCarriesItsLevelsLetter() {
        assertEquals(ServerMessages.values().length,
                Arrays.stream(ServerMessages.values()).map(ServerMessages::id).distinct().count());
        for (ServerMessages message : ServerMessages.values()) {
            assertTrue(message.id().matches("DMCPS[0-9]{4}[IWE]"), message.id());
            char expected = message.level().intValue() >= Level.SEVERE.intValue() ? 'E'
                    : message.level().intValue() >= Level.WARNING.intValue() ? 'W' : 'I';
            assertEquals(expected, message.id().charAt(message.id().length() - 1), message.id());
        }
    }

    @Test
    void aLineStartsWithItsIdAndPlacesItsArguments() {
        assertEquals("DMCPS0002W: Tool echo failed with java.lang.IllegalStateException (reference r-1)",
                ServerMessages.TOOL_FAILED.format("echo", "java.lang.IllegalStateException", "r-1"));
    }

    @Test
    void aLineWithAFailureCarriesWhereItHappenedButNotItsMessage() {
        try (LogCapture capture = LogCapture.of(ServerMessagesTest.class)) {
            IllegalArgumentException failure = new IllegalArgumentException("user input: secret-value");
            ServerMessages.REQUEST_FAILED.logWithStack(Logger.getLogger(ServerMessagesTest.class.getName()), failure,
                    failure.getClass().getName());
            assertEquals(1, capture.records().size());
            LogRecord logged = capture.records().get(0);
            assertEquals("DMCPS0017E: An MCP request failed unexpectedly: java.lang.IllegalArgumentException;"
                    + " answered 500, or its event stream ended without a result", logged.getMessage());
            assertTrue(logged.getThrown() instanceof StackWithoutMessages, String.valueOf(logged.getThrown()));
            assertEquals("java.lang.IllegalArgumentException", logged.getThrown().toString());
            assertEquals(failure.getStackTrace()[0], logged.getThrown().getStackTrace()[0]);
        }
    }
}
