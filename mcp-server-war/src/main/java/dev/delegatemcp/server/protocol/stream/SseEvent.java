package dev.delegatemcp.server.protocol.stream;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent event as this server writes them (HTML Living Standard, Server-sent events, event stream format):
 * an optional id, an optional retry, and one line of data (a JSON-RPC message, or empty for the priming event that
 * only carries an id).
 *
 * @param id the event id ({@code <stream id>_<sequence>}), or null
 * @param data one line: compact JSON holds no line break
 * @param retryMillis the reconnection delay to announce, or null
 */
public record SseEvent(String id, String data, Long retryMillis) {

    /** A comment line and nothing else: keeps an idle stream's connection alive; clients ignore it. */
    public static final SseEvent KEEP_ALIVE = new SseEvent(null, null, null);

    /** The event in the wire format, ending with the blank line that dispatches it. */
    public byte[] bytes() {
        if (data == null) {
            return ":\n\n".getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(data.length() + 48);
        if (id != null) {
            text.append("id: ").append(id).append('\n');
        }
        if (retryMillis != null) {
            text.append("retry: ").append(retryMillis).append('\n');
        }
        if (!data.isEmpty()) {
            text.append("event: message\n");
        }
        text.append("data: ").append(data).append("\n\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
