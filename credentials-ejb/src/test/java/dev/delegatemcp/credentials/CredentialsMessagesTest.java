package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

class CredentialsMessagesTest {

    @Test
    void idsAreUniqueAndFollowTheDmcpcPattern() {
        Set<String> ids = new HashSet<>();
        for (CredentialsMessages message : CredentialsMessages.values()) {
            assertTrue(message.id().matches("DMCPC\\d{4}[IWE]"), message.id());
            assertTrue(ids.add(message.id()), message.id() + " is used twice");
        }
    }

    @Test
    void theSeverityLetterMatchesTheLevel() {
        for (CredentialsMessages message : CredentialsMessages.values()) {
            char severity = message.id().charAt(message.id().length() - 1);
            Level expected = switch (severity) {
                case 'I' -> Level.INFO;
                case 'W' -> Level.WARNING;
                default -> Level.SEVERE;
            };
            assertEquals(expected, message.level(), message.id());
        }
    }

    @Test
    void aLineIsTheIdAColonAndTheFormattedText() {
        assertEquals("DMCPC0002W: An audit record of target calendar could not be written (NullPointerException)",
                CredentialsMessages.AUDIT_RECORD_NOT_WRITTEN.format("calendar", "NullPointerException"));
    }

    @Test
    void logWritesTheLineAtItsLevelOnlyWhenTheLoggerWouldWriteIt() {
        Logger logger = Logger.getLogger("dev.delegatemcp.credentials.test." + System.nanoTime());
        logger.setUseParentHandlers(false);
        List<LogRecord> records = new ArrayList<>();
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        CredentialsMessages.AUDIT_FILE_NOT_WRITABLE.log(logger, "/var/log/a%g.log", "IOException");
        assertEquals(1, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertEquals("DMCPC0001W: The audit file /var/log/a%g.log cannot be written (IOException); audit lines go to "
                + "the server log instead", records.get(0).getMessage());
        logger.setLevel(Level.SEVERE);
        CredentialsMessages.AUDIT_FILE_NOT_WRITABLE.log(logger, "/var/log/a%g.log", "IOException");
        assertEquals(1, records.size());
    }

    @Test
    void noPatternHasAPlaceForATokenSecretOrKey() {
        for (CredentialsMessages message : CredentialsMessages.values()) {
            String pattern = message.pattern().toLowerCase(java.util.Locale.ROOT);
            assertFalse(pattern.contains("token") || pattern.contains("secret") || pattern.contains("key"),
                    message.id());
        }
    }
}
