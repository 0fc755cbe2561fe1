package dev.delegatemcp.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

    private final List<String> events = new ArrayList<>();
    private final ServerSentEvents parser = new ServerSentEvents((type, data) -> events.add(type + "|" + data), 64);

    private void feed(String text) {
        parser.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void dataLinesOfOneEventAreJoinedWithNewlines() {
        feed("data: {\"a\":\ndata:  1}\n\n");
        assertEquals(List.of("message|{\"a\":\n 1}"), events);
    }

    @Test
    void eventsAreSeparatedByABlankLineWhateverTheLineEnding() {
        feed("data: one\r\n\r\ndata: two\r\rdata: three\n\n");
        assertEquals(List.of("message|one", "message|two", "message|three"), events);
    }

    @Test
    void chunksMaySplitLinesCrLfAndMultiByteCharacters() {
        byte[] bytes = "data: caf\u00e9 \u20ac\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            parser.feed(ByteBuffer.wrap(new byte[] {b}));
        }
        assertEquals(List.of("message|caf\u00e9 \u20ac"), events);
    }

    @Test
    void commentsIdsRetriesAndEventsWithoutDataAreNotDispatched() {
        feed(": keep-alive\n\nid: 7\nretry: 100\n\nevent: ping\n\n");
        assertEquals(List.of(), events);
    }

    @Test
    void emptyDataLineIsAnEventWithEmptyData() {
        feed("id: 0\ndata:\n\n");
        assertEquals(List.of("message|"), events);
    }

    @Test
    void eventTypeIsPassedAndResetAfterEachEvent() {
        feed("event: endpoint\ndata: x\n\ndata: y\n\n");
        assertEquals(List.of("endpoint|x", "message|y"), events);
    }

    @Test
    void fieldWithoutColonAndValueWithoutSpaceAreRead() {
        feed("data\ndata:x\n\n");
        assertEquals(List.of("message|\nx"), events);
    }

    @Test
    void unterminatedEventIsDispatchedAtTheEndOfTheStream() {
        feed("data: last");
        assertEquals(List.of(), events);
        parser.finish();
        assertEquals(List.of("message|last"), events);
    }

    @Test
    void byteOrderMarkAtTheStartIsIgnored() {
        feed("\uFEFFdata: x\n\n");
        assertEquals(List.of("message|x"), events);
    }

    @Test
    void lineOrEventOverTheLimitIsRefused() {
        assertThrows(ServerSentEvents.TooLargeException.class, () -> feed("data: " + "x".repeat(100)));
        ServerSentEvents small = new ServerSentEvents((type, data) -> events.add(data), 64);
        String line = "data: " + "y".repeat(40) + "\n";
        assertThrows(ServerSentEvents.TooLargeException.class,
                () -> small.feed(ByteBuffer.wrap((line + line).getBytes(StandardCharsets.UTF_8))));
    }
}
