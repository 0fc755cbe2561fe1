package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.delegatemcp.server.protocol.stream.SseEvent;
import dev.delegatemcp.server.protocol.stream.StreamConnection;

import org.junit.jupiter.api.Test;

class ServletEventConnectionTest {

    private final ServletFakes.Response servlet = new ServletFakes.Response();
    private final UpgradableResponse response = new UpgradableResponse(null, servlet.proxy);

    @Test
    void eachEventIsWrittenAndFlushedAtOnce() {
        StreamConnection connection = ServletEventConnection.open(response);
        assertTrue(connection.write(new SseEvent("s_1", "", 1000L)));
        int flushes = servlet.body.flushes;
        assertTrue(connection.write(new SseEvent("s_2", "{}", null)));
        assertEquals("id: s_1\nretry: 1000\ndata: \n\nid: s_2\nevent: message\ndata: {}\n\n", servlet.body.text());
        assertEquals(flushes + 1, servlet.body.flushes);
        assertTrue(servlet.calls.contains("setContentType(text/event-stream;charset=UTF-8)"));
    }

    @Test
    void closingEndsTheResponseOnceAndLaterWritesDoNothing() {
        StreamConnection connection = ServletEventConnection.open(response);
        connection.close();
        connection.close();
        assertTrue(servlet.body.closed);
        assertFalse(connection.write(new SseEvent("s_1", "{}", null)));
        assertEquals("", servlet.body.text());
    }

    @Test
    void aWriteToAClientThatLeftReportsTheConnectionGone() {
        StreamConnection connection = ServletEventConnection.open(response);
        servlet.body.failing = true;
        assertFalse(connection.write(new SseEvent("s_1", "{}", null)));
        servlet.body.failing = false;
        assertFalse(connection.write(new SseEvent("s_2", "{}", null)), "gone for good");
        connection.close();
    }

    @Test
    void aResponseThatCannotBecomeAStreamGivesAConnectionThatWritesNothing() {
        servlet.bodyUnavailable = true;
        StreamConnection connection = ServletEventConnection.open(response);
        assertFalse(connection.write(new SseEvent("s_1", "{}", null)));
        connection.close();
    }

    @Test
    void aPostWhoseResponseWasNotWrappedIsAnErrorNamingTheFilter() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ServletEventConnection.open(null));
        assertTrue(e.getMessage().contains("EventStreamResponseFilter"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> ServletEventConnection.open(servlet.proxy));
    }
}
