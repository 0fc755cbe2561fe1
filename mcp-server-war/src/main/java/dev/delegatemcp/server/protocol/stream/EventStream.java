package dev.delegatemcp.server.protocol.stream;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * One SSE stream of a session (MCP 2025-11-25, Streamable HTTP): the stream a POST response became, or a GET stream.
 * Every event gets the id {@code <stream id>_<sequence>}, unique in the session; the last {@code replayLimit} events
 * are kept so that a client that lost the connection, or whose connection the server closed so that it polls, can
 * resume with {@code Last-Event-ID} and get what it missed on this stream and nothing of any other (Resumability and
 * redelivery). A stream that ended still replays what it kept. Thread-safe: sending, resuming and ending take the
 * stream's lock, which a write to a client that stopped reading can hold for as long as the write blocks; asking the
 * stream about its state ({@link #opened()}, {@link #connected()}, {@link #ended()}) never waits for that lock, so that
 * {@link SessionStreams}, which asks under its own lock, is never held up by one slow client.
 */
public final class EventStream {

    private record Kept(long sequence, SseEvent event) {
    }

    private final String id;
    private final int replayLimit;
    private final long retryMillis;
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    // Written under the stream's lock, read without it by the state queries.
    private Supplier<StreamConnection> opener;
    private volatile StreamConnection connection;
    private volatile boolean opened;
    private volatile boolean ended;
    private long lastSequence;
    // Told once when a write finds the client gone (unnumbered streams: nothing can resume them).
    private volatile Runnable onClientGone;

    private EventStream(String id, int replayLimit, long retryMillis, Supplier<StreamConnection> opener,
            StreamConnection connection) {
        this.id = id;
        this.replayLimit = replayLimit;
        this.retryMillis = retryMillis;
        this.opener = opener;
        this.connection = connection;
        this.opened = opener == null;
    }

    /**
     * A stream that opens its connection when its first message is sent, e.g. the response to a POST that stays plain
     * JSON unless the request has something to send before its result.
     *
     * @param opener makes the connection (the transport turns its HTTP response into an event stream)
     */
    static EventStream opening(String id, int replayLimit, long retryMillis, Supplier<StreamConnection> opener) {
        return new EventStream(id, replayLimit, retryMillis, opener, null);
    }

    /**
     * A stream that opens its connection when its first message is sent and whose events carry no id: nothing is kept,
     * there is no priming event, and it cannot be resumed (MCP 2026-07-28, Streamable HTTP: "Resumable SSE streams via
     * Last-Event-ID are not supported"); {@code onClientGone} runs once when a write finds the client gone (MCP
     * 2026-07-28, Streamable HTTP, Cancellation: "Closing the SSE response stream MUST be treated by the server as
     * cancellation of that request").
     */
    public static EventStream unnumbered(Supplier<StreamConnection> opener, Runnable onClientGone) {
        EventStream stream = new EventStream(null, 0, 0, opener, null);
        stream.onClientGone = onClientGone;
        return stream;
    }

    private void clientGone() {
        Runnable gone = onClientGone;
        onClientGone = null;
        if (gone != null) {
            gone.run();
        }
    }

    /**
     * Like {@link #unnumbered(Supplier, Runnable)}, with its connection open already (a {@code subscriptions/listen}
     * stream, which learns of a departed client from its keep-alives).
     */
    public static EventStream openUnnumbered(StreamConnection connection) {
        return new EventStream(null, 0, 0, null, connection);
    }

    /** A stream with its connection open (a GET stream); sends the priming event. */
    static EventStream open(String id, int replayLimit, long retryMillis, StreamConnection connection) {
        EventStream stream = new EventStream(id, replayLimit, retryMillis, null, connection);
        synchronized (stream) {
            stream.prime();
        }
        return stream;
    }

    /** The stream's id, the prefix of its event ids; null for an unnumbered stream. */
    public String id() {
        return id;
    }

    /**
     * Sends one message (compact JSON), opening the connection first when it is not yet open. A message sent while the
     * client is not connected is kept for its resumption.
     *
     * @return false when the stream has ended (nothing is sent)
     */
    public synchronized boolean send(String json) {
        if (ended) {
            return false;
        }
        openIfNeeded();
        SseEvent event = new SseEvent(id == null ? null : id + "_" + ++lastSequence, json, null);
        if (id != null) {
            keep(event);
        }
        if (connection != null && !connection.write(event)) {
            connection = null;
            clientGone();
        }
        return true;
    }

    /**
     * Writes a comment on the open connection (a keep-alive for a stream that may stay quiet a long time, MCP
     * 2026-07-28, Streamable HTTP: "servers are encouraged to periodically emit an SSE comment line").
     *
     * @return false when the stream ended or its client is gone
     */
    public synchronized boolean keepAlive() {
        if (ended || connection == null) {
            return false;
        }
        if (!connection.write(SseEvent.KEEP_ALIVE)) {
            connection = null;
            return false;
        }
        return true;
    }

    /**
     * Whether a connection was ever opened: false for a POST whose response can still be plain JSON, also after the
     * stream ended without having sent anything.
     */
    public boolean opened() {
        return opened;
    }

    /** Whether a client is connected now. */
    public boolean connected() {
        return connection != null;
    }

    /** Whether the stream has ended. */
    public boolean ended() {
        return ended;
    }

    /**
     * Closes the connection but not the stream (Streamable HTTP: the server may close the connection after an event
     * with an id, the client then polls with {@code Last-Event-ID} after the {@code retry} delay the priming event
     * announced). Opens the stream first when nothing was sent yet, so that the client has an id to resume from.
     */
    public synchronized void closeConnection() {
        if (ended) {
            return;
        }
        openIfNeeded();
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** Ends the stream and its connection: nothing more is sent; what was kept can still be replayed. */
    public void end() {
        // First without the lock: a send blocked in a write to a client that stopped reading holds the lock, and
        // closing its connection is what ends that write.
        ended = true;
        StreamConnection current = connection;
        if (current != null) {
            current.close();
        }
        StreamConnection closing;
        synchronized (this) {
            opener = null;
            closing = connection;
            connection = null;
        }
        if (closing != null && closing != current) {
            closing.close();
        }
    }

    /**
     * Ends the stream when it never opened, so that it never will and its request's response stays plain JSON.
     *
     * @return whether it ended it; false when a message had already opened it
     */
    synchronized boolean endUnopened() {
        if (opened) {
            return false;
        }
        end();
        return true;
    }

    /**
     * A client reconnects with {@code Last-Event-ID}: replays the kept events after {@code afterSequence} on the new
     * connection, which then carries the stream (closing the previous connection, if any); when the stream has ended,
     * the connection is closed after the replay.
     *
     * @return false, leaving the connection untouched, when the stream has ended and nothing follows
     *         {@code afterSequence}: the client has had everything, there is nothing to resume
     */
    public synchronized boolean resume(long afterSequence, StreamConnection newConnection) {
        if (ended && (kept.isEmpty() || kept.peekLast().sequence() <= afterSequence)) {
            return false;
        }
        if (connection != null) {
            connection.close();
        }
        connection = null;
        if (opener != null) {
            opener = null;
            opened = true;
        }
        for (Iterator<Kept> it = kept.iterator(); it.hasNext();) {
            Kept next = it.next();
            if (next.sequence() > afterSequence && !newConnection.write(next.event())) {
                return true;
            }
        }
        if (ended) {
            newConnection.close();
        } else {
            connection = newConnection;
        }
        return true;
    }

    /** The sequence number of an event id of this stream, or -1 when it is not one. */
    long sequenceOf(String eventId) {
        if (!eventId.startsWith(id + "_")) {
            return -1;
        }
        try {
            return Long.parseLong(eventId.substring(id.length() + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The stream id in an event id, or null when it has none. */
    static String streamIdOf(String eventId) {
        int separator = eventId.lastIndexOf('_');
        return separator > 0 ? eventId.substring(0, separator) : null;
    }

    private void openIfNeeded() {
        if (opener != null) {
            connection = opener.get();
            opener = null;
            opened = true;
            prime();
        }
    }

    /** The priming event: an id to resume from, the reconnection delay, and an empty data line. */
    private void prime() {
        if (id == null) {
            return; // unnumbered: nothing to resume from
        }
        if (connection != null && !connection.write(new SseEvent(id + "_" + ++lastSequence, "", retryMillis))) {
            connection = null;
        }
    }

    private void keep(SseEvent event) {
        kept.addLast(new Kept(lastSequence, event));
        if (kept.size() > replayLimit) {
            kept.removeFirst();
        }
    }
}
