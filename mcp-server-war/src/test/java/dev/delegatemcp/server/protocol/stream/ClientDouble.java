package dev.delegatemcp.server.protocol.stream;

import java.util.List;
import java.util.function.Function;

import dev.delegatemcp.wire.jsonrpc.JsonRpcCodec;
import jakarta.json.JsonObject;

/**
 * The client end of a request's stream, for tests: a {@link FakeConnection} that answers each request the server
 * writes on it, at once and on the writing thread, through {@link OutgoingRequests} as the transport would.
 */
final class ClientDouble {

    private final FakeConnection connection;
    private volatile Function<JsonObject, String> responder = request -> null;

    /**
     * @param sessionId the session the answers come in
     * @param subject who answers
     */
    ClientDouble(OutgoingRequests outgoing, String sessionId, String subject) {
        connection = new FakeConnection(event -> {
            if (event.data().isEmpty()) {
                return;
            }
            JsonObject message = FakeConnection.json(event.data());
            if (message.containsKey("method") && message.containsKey("id")) {
                String members = responder.apply(message);
                if (members != null) {
                    outgoing.answer(sessionId, subject, JsonRpcCodec
                            .parse("{\"jsonrpc\":\"2.0\",\"id\":" + message.get("id") + "," + members + "}"));
                }
            }
        });
    }

    FakeConnection connection() {
        return connection;
    }

    /** Answers every request with this result object. */
    ClientDouble result(String resultJson) {
        return answers(request -> "\"result\":" + resultJson);
    }

    /** Answers every request with a JSON-RPC error. */
    ClientDouble error(int code, String message) {
        return answers(request -> "\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}");
    }

    /**
     * Answers with what {@code responder} gives for each request: the members after the id, e.g.
     * {@code "result":{}}; null for no answer.
     */
    ClientDouble answers(Function<JsonObject, String> next) {
        this.responder = next;
        return this;
    }

    /** The requests the server sent, in order. */
    List<JsonObject> requests() {
        return connection.messages().stream().filter(m -> m.containsKey("method") && m.containsKey("id")).toList();
    }

    /** The one request the server sent. */
    JsonObject request() {
        List<JsonObject> requests = requests();
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests);
        }
        return requests.get(0);
    }

    /** The notifications the server sent, in order. */
    List<JsonObject> notifications() {
        return connection.messages().stream().filter(m -> m.containsKey("method") && !m.containsKey("id")).toList();
    }
}
