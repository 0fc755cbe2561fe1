package dev.delegatemcp.server.remote;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * An incremental {@code text/event-stream} parser (the WHATWG rules that matter here): feed it the body's bytes in
 * chunks of any size; it calls back with each event's type ({@code message} when none was given) and data, the
 * {@code data:} lines of one event joined with {@code \n}. Lines end with CRLF, LF or CR; a blank line ends an event;
 * lines starting with {@code :} are comments; {@code id} and {@code retry} are ignored (no resumption). An event with
 * no data line is not dispatched. An event left unterminated at the end of the stream is dispatched by
 * {@link #finish()} (more lenient than browsers, which drop it). Not thread-safe: one stream, fed in order.
 */
final class ServerSentEvents {

    /** Thrown when one line or event exceeds the size limit. */
    static final class TooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("server-sent event too large");
        }
    }

    private final BiConsumer<String, String> onEvent;
    private final int maxEventChars;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String eventType = "";
    private boolean afterCarriageReturn;
    private boolean firstLine = true;

    /**
     * @param onEvent receives (event type, data) of each complete event
     * @param maxEventChars the largest line or event data accepted, in bytes/characters
     */
    ServerSentEvents(BiConsumer<String, String> onEvent, int maxEventChars) {
        this.onEvent = onEvent;
        this.maxEventChars = maxEventChars;
    }

    /** Consumes all remaining bytes of the buffer. CR and LF never occur inside a UTF-8 multi-byte sequence. */
    void feed(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\r') {
                afterCarriageReturn = true;
                endOfLine();
            } else if (b == '\n') {
                endOfLine();
            } else {
                if (line.size() >= maxEventChars) {
                    throw new TooLargeException();
                }
                line.write(b);
            }
        }
    }

    /** The stream ended: a pending line and event are processed. */
    void finish() {
        if (line.size() > 0) {
            endOfLine();
        }
        dispatch();
    }

    private void endOfLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (firstLine) {
            firstLine = false;
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        }
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':') {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("data")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
            if (data.length() > maxEventChars) {
                throw new TooLargeException();
            }
        } else if (field.equals("event")) {
            eventType = value;
        }
    }

    private void dispatch() {
        if (hasData) {
            String type = eventType.isEmpty() ? "message" : eventType;
            String payload = data.toString();
            data.setLength(0);
            hasData = false;
            eventType = "";
            onEvent.accept(type, payload);
        } else {
            eventType = "";
        }
    }
}
