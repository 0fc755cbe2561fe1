package dev.delegatemcp.server.protocol.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import dev.delegatemcp.api.interaction.McpLog.Level;
import dev.delegatemcp.server.protocol.session.SessionEnded;

import org.junit.jupiter.api.Test;

class ClientLogLevelsTest {

    private final ClientLogLevels levels = new ClientLogLevels();

    @Test
    void aSessionHasNoLevelUntilItSetsOne() {
        assertEquals(Optional.empty(), levels.of("s1"));
        assertEquals(Optional.empty(), levels.of(null), "a request outside any session");
    }

    @Test
    void eachSessionHasItsOwnLevelTheLastOneSet() {
        levels.set("s1", Level.INFO);
        levels.set("s2", Level.ERROR);
        levels.set("s1", Level.DEBUG);
        assertEquals(Optional.of(Level.DEBUG), levels.of("s1"));
        assertEquals(Optional.of(Level.ERROR), levels.of("s2"));
    }

    @Test
    void theLevelIsForgottenWhenTheSessionEnds() {
        levels.set("s1", Level.INFO);
        levels.set("s2", Level.INFO);
        levels.sessionEnded(new SessionEnded("s1", "alice"));
        assertEquals(Optional.empty(), levels.of("s1"));
        assertEquals(Optional.of(Level.INFO), levels.of("s2"));
    }
}
