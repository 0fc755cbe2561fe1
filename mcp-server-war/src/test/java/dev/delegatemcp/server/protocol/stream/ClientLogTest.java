package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.delegatemcp.api.interaction.McpLog.Level;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class ClientLogTest {

    private final ChannelFixture fixture = new ChannelFixture();
    private final AtomicReference<Level> level = new AtomicReference<>();

    private ClientLog log(String logger) {
        return new ClientLog(() -> Optional.ofNullable(level.get()), fixture.channel, logger);
    }

    private List<JsonObject> sent() {
        return fixture.client.notifications().stream().map(n -> {
            assertEquals("notifications/message", n.getString("method"));
            return n.getJsonObject("params");
        }).toList();
    }

    public record Detail(String host, int port) {
    }

    @Test
    void nothingIsSentBeforeTheClientSetsALevel() {
        ClientLog log = log("tool");
        for (Level each : Level.values()) {
            assertFalse(log.isEnabled(each));
            log.log(each, "x");
        }
        assertEquals(0, fixture.opened.get(), "the response stays plain JSON");
    }

    @Test
    void onlyMessagesAtOrAboveTheSessionsLevelAreSent() {
        level.set(Level.WARNING);
        ClientLog log = log("tool");
        log.debug("d");
        log.info("i");
        log.notice("n");
        log.warning("w");
        log.error("e");
        log.log(Level.EMERGENCY, "em");
        assertEquals(List.of("warning", "error", "emergency"),
                sent().stream().map(params -> params.getString("level")).toList());
        assertTrue(log.isEnabled(Level.WARNING));
        assertTrue(log.isEnabled(Level.ALERT));
        assertFalse(log.isEnabled(Level.NOTICE));
    }

    @Test
    void aLevelChangeTakesEffectAtOnce() {
        ClientLog log = log("tool");
        level.set(Level.ERROR);
        log.warning("dropped");
        level.set(Level.DEBUG);
        log.debug("sent");
        assertEquals(List.of("sent"), sent().stream().map(params -> params.getString("data")).toList());
    }

    @Test
    void aMessageCarriesItsLevelLoggerAndDataAsJson() {
        level.set(Level.DEBUG);
        log("calendar_events").error(new Detail("localhost", 5432));
        assertEquals(FakeConnection.json("""
                {"level":"error","logger":"calendar_events","data":{"host":"localhost","port":5432}}"""),
                sent().get(0));
    }

    @Test
    void aMessageWithoutLoggerNameLeavesItOut() {
        level.set(Level.DEBUG);
        log(null).info("hello");
        JsonObject params = sent().get(0);
        assertNull(params.get("logger"));
        assertEquals("hello", params.getString("data"));
    }

    @Test
    void aLevelIsRequired() {
        level.set(Level.DEBUG);
        assertThrows(NullPointerException.class, () -> log("tool").log(null, "x"));
    }

    @Test
    void theLevelsAreTheEightOfRfc5424InOrderWithTheirWireNames() {
        assertEquals(List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"),
                java.util.Arrays.stream(Level.values()).map(Level::wireName).toList());
    }
}
