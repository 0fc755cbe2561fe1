package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SseEventTest {

    private static String text(SseEvent event) {
        return new String(event.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aMessageEventHasItsIdTheMessageTypeAndOneDataLineThenABlankLine() {
        assertEquals("id: s_2\nevent: message\ndata: {\"jsonrpc\":\"2.0\"}\n\n",
                text(new SseEvent("s_2", "{\"jsonrpc\":\"2.0\"}", null)));
    }

    @Test
    void thePrimingEventHasAnIdARetryAndAnEmptyDataLineSoThatClientsSeeIt() {
        assertEquals("id: s_1\nretry: 1500\ndata: \n\n", text(new SseEvent("s_1", "", 1500L)));
    }

    @Test
    void anEventWithoutIdOrRetryIsItsDataAlone() {
        assertEquals("event: message\ndata: {}\n\n", text(new SseEvent(null, "{}", null)));
    }

    @Test
    void theDataIsWrittenInUtf8() {
        byte[] bytes = new SseEvent(null, "{\"t\":\"é😀\"}", null).bytes();
        assertEquals("event: message\ndata: {\"t\":\"é😀\"}\n\n", new String(bytes, StandardCharsets.UTF_8));
        assertEquals(bytes.length, "event: message\ndata: {\"t\":\"\"}\n\n".length() + 2 + 4);
    }
}
