package dev.delegatemcp.server.protocol.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;

/**
 * The requests of each session being served now, so that {@code notifications/cancelled} reaches the right one (MCP
 * 2025-11-25, Utilities, Cancellation): a request is found by its session and id only, and the transport has already
 * checked that the session is the caller's, so a client can cancel only its own requests. Thread-safe.
 */
@ApplicationScoped
public class InFlightRequests {

    private record Key(String sessionId, String requestId) {
    }

    /** One text per id: a number by its value ({@code 1}, {@code 1.0} and {@code 1e0} are one id), a string quoted. */
    private static String idText(JsonValue requestId) {
        if (requestId instanceof jakarta.json.JsonNumber number) {
            // Every request passes here twice: an integer written as one (scale 0, the usual id) is its own text;
            // only 1.0 or 1e2 need the BigDecimal arithmetic. A number no request id can be (a fraction, or beyond
            // 64 bits, as the codec refuses: a cancellation's requestId is not checked there) keeps its own text,
            // which has a '.' or an 'E' and so matches no key; written out in digits, 1e999999999 took gigabytes.
            if (number.isIntegral()) {
                return number.toString();
            }
            try {
                return Long.toString(number.bigDecimalValue().longValueExact());
            } catch (ArithmeticException e) {
                return number.toString();
            }
        }
        return requestId.toString();
    }

    private final Map<Key, RequestCancellation> running = new ConcurrentHashMap<>();

    /** The request starts. */
    public void add(String sessionId, JsonValue requestId, RequestCancellation cancellation) {
        running.put(new Key(sessionId, idText(requestId)), cancellation);
    }

    /** The request is done. */
    public void remove(String sessionId, JsonValue requestId, RequestCancellation cancellation) {
        running.remove(new Key(sessionId, idText(requestId)), cancellation);
    }

    /**
     * Cancels a request of the session.
     *
     * @return false when no such request runs (finished already, or never existed): the notification is ignored, as
     *         the specification allows
     */
    public boolean cancel(String sessionId, JsonValue requestId) {
        RequestCancellation cancellation = running.get(new Key(sessionId, idText(requestId)));
        if (cancellation == null) {
            return false;
        }
        cancellation.cancel();
        return true;
    }

    /** The requests being served now. */
    public int size() {
        return running.size();
    }
}
