package dev.delegatemcp.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a {@code text/event-stream} body event by event, as the HTML Living Standard's "Server-sent events" section
 * 9.2.6 (interpreting an event stream) says: {@code data} lines joined with new lines, {@code id} kept from event to
 * event and taken at dispatch, {@code retry} in milliseconds, comments and {@code event} names ignored, CR, LF or CRLF
 * line ends (as {@link BufferedReader#readLine()} splits them). A thread of its own reads, so that the caller can wait
 * with a deadline ({@link #next(long)}): a stalled stream fails the test instead of hanging it. The server's remote
 * MCP client reads streams with its own reader ({@code ServerSentEvents} in mcp-server-war): the kit depends on none of
 * the server's modules, and no library on the test classpath parses event streams from an InputStream.
 */
final class EventStreamReader implements AutoCloseable {

    /** One dispatched event: the last event id seen so far (null when none), its data (empty for a priming event). */
    record Event(String lastEventId, String data, Long retryMillis) {
    }

    private static final Object END = new Object();

    private final InputStream body;
    private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();

    EventStreamReader(InputStream body) {
        this.body = body;
        Thread reader = new Thread(this::read, "mcp-test-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The next event, or null when the stream has ended.
     *
     * @param deadlineNanos a {@link System#nanoTime()} value
     * @throws TimeoutException when no event came before the deadline
     * @throws UncheckedIOException when reading failed
     */
    Event next(long deadlineNanos) throws TimeoutException {
        Object item;
        try {
            item = items.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the event stream", e);
        }
        if (item == null) {
            throw new TimeoutException();
        }
        if (item instanceof IOException failure) {
            throw new UncheckedIOException("Reading the event stream failed", failure);
        }
        return item == END ? null : (Event) item;
    }

    /** Lets the stream go (the reading thread ends with it). */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // the connection is going away either way
        }
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder data = null;
            String lastEventId = null;
            String idBuffer = null;
            Long retry = null;
            for (String line; (line = reader.readLine()) != null;) {
                if (line.isEmpty()) {
                    lastEventId = idBuffer;
                    if (data != null || retry != null) {
                        items.add(new Event(lastEventId, data == null ? "" : data.toString(), retry));
                    } else if (lastEventId != null) {
                        items.add(new Event(lastEventId, "", null));
                    }
                    data = null;
                    retry = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    case "id" -> {
                        if (value.indexOf('\0') < 0) {
                            idBuffer = value;
                        }
                    }
                    case "retry" -> {
                        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                            retry = Long.parseLong(value);
                        }
                    }
                    default -> {
                        // "event" and unknown fields: nothing an MCP client needs
                    }
                }
            }
            items.add(END);
        } catch (IOException e) {
            items.add(e);
        }
    }
}
