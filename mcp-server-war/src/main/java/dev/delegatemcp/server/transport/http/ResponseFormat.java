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

    Response.ResponseBuilder ok(Object message) {
        String json = WireJson.toJson(message);
        return this == JSON
                ? Response.ok(json, MediaType.APPLICATION_JSON)
                : Response.ok("event: message\ndata: " + json + "\n\n", SSE).header("Cache-Control", "no-cache");
    }
}
