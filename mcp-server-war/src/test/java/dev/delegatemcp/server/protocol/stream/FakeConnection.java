package dev.delegatemcp.server.protocol.stream;

import java.io.StringReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A {@link StreamConnection} for tests: records what is written, can be left by its client (writes fail from then
 * on), and can react to each event it receives (a client answering a request).
 */
final class FakeConnection implements StreamConnection {

    private final List<SseEvent> events = new CopyOnWriteArrayList<>();
    private final Consumer<SseEvent> onWrite;
    private volatile boolean gone;
    private volatile boolean closed;
    private volatile int closes;

    FakeConnection() {
        this(event -> {
        });
    }

    FakeConnection(Consumer<SseEvent> onWrite) {
        this.onWrite = onWrite;
    }

    @Override
    public boolean write(SseEvent event) {
        if (gone || closed) {
            return false;
        }
        events.add(event);
        onWrite.accept(event);
        return true;
    }

    @Override
    public void close() {
        closed = true;
        closes++;
    }

    /** The client went away: every write from now on fails. */
    void leave() {
        gone = true;
    }

    boolean closed() {
        return closed;
    }

    int closeCount() {
        return closes;
    }

    /** Every event written, the priming one included. */
    List<SseEvent> events() {
        return List.copyOf(events);
    }

    /** The ids of every event written. */
    List<String> ids() {
        return events.stream().map(SseEvent::id).toList();
    }

    /** The data of the events that carry a message. */
    List<String> data() {
        return events.stream().map(SseEvent::data).filter(data -> !data.isEmpty()).toList();
    }

    /** The messages written, parsed. */
    List<JsonObject> messages() {
        return data().stream().map(FakeConnection::json).toList();
    }

    /** The methods of the messages written, in order (null for a response). */
    List<String> methods() {
        return messages().stream().map(message -> message.getString("method", null)).toList();
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
