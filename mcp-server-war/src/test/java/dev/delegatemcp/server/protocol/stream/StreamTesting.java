package dev.delegatemcp.server.protocol.stream;

import java.time.Duration;

import dev.delegatemcp.wire.jsonrpc.JsonRpcNotification;
import jakarta.json.Json;

/** Settings and messages shared by the stream tests. */
final class StreamTesting {

    static final Duration RETRY = Duration.ofMillis(1500);

    private StreamTesting() {
    }

    /** The defaults of {@code mcp.streams.*}, with a short interaction timeout. */
    static StreamConfig config() {
        return config(4, 16, 100, 32, 100, Duration.ofSeconds(5), 16);
    }

    static StreamConfig config(int maxPerSession, int maxPerSubject, int replayEvents, int resumableStreams,
            int pendingNotifications, Duration interactionTimeout, int maxPendingPerSession) {
        return new StreamConfig(maxPerSession, maxPerSubject, replayEvents, resumableStreams, RETRY,
                pendingNotifications, interactionTimeout, maxPendingPerSession);
    }

    /** A list-changed style notification whose params tell it apart. */
    static JsonRpcNotification<?> notification(String tag) {
        return JsonRpcNotification.of("notifications/tools/list_changed",
                Json.createObjectBuilder().add("tag", tag).build());
    }
}
