package dev.delegatemcp.server.transport.http;

import dev.delegatemcp.wire.WireJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The response body format the client accepts: plain JSON, or one SSE event when it accepts only SSE. */
enum ResponseFormat {
    JSON, EVENT_STREAM;

    static final String SSE = "text/event-stream";

    static ResponseFormat from(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        boolean sse = false;
        for (String range : accept.split(",")) {
            MediaType type;
            try {
                type = MediaType.valueOf(range.trim());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return JSON;
            }
            sse |= type.isCompatible(MediaType.valueOf(SSE));
        }
        return sse ? EVENT_STREAM : null;
    }

    /**
     * Whether the client takes an event stream as the answer to a request: its {@code Accept} names
     * {@code text/event-stream} (or a wildcard for it), or it sent none. A client that takes only JSON gets its result
     * as JSON and no notification before it (nothing can carry them).
     */
    static boolean takesEventStream(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            try {
                if (MediaType.valueOf(range.trim()).isCompatible(MediaType.valueOf(SSE))) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // not a media range: ignored, as in from()
            }
        }
        return false;
    }

    Response.ResponseBuilder ok(Object message) {
        String json = WireJson.toJson(message);
        return this == JSON
                ? Response.ok(json, MediaType.APPLICATION_JSON)
                : Response.ok("event: message\ndata: " + json + "\n\n", SSE).header("Cache-Control", "no-cache")
                        .header("X-Accel-Buffering", "no");
    }
}
