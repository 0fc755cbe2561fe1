package dev.delegatemcp.server.transport.http;

import dev.delegatemcp.wire.WireJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The response body format the client accepts: plain JSON, or one SSE event when it accepts only SSE. */
public enum ResponseFormat {
    JSON, EVENT_STREAM;

    static final String SSE = "text/event-stream";

    private static final MediaType EVENT_STREAM_TYPE = MediaType.valueOf(SSE);

    /**
     * What a request's {@code Accept} header takes (RFC 9110 section 12.5.1; weights are not compared): the format of
     * a one-message answer ({@code format}: JSON when any range takes JSON, else an event stream when one takes that,
     * else null: 406), and whether the client takes an event stream as the answer to a request ({@code eventStreams}:
     * a range names {@code text/event-stream} or a wildcard for it, or there is no header). A client that takes only
     * JSON gets its result as JSON and no notification before it (nothing can carry them).
     */
    record Accepted(ResponseFormat format, boolean eventStreams) {
        private static final Accepted ANYTHING = new Accepted(JSON, true);
        private static final Accepted JSON_ONLY = new Accepted(JSON, false);
        private static final Accepted EVENT_STREAM_ONLY = new Accepted(EVENT_STREAM, true);
        private static final Accepted NEITHER = new Accepted(null, false);
    }

    /**
     * The last header read and what it takes. A client sends the same {@code Accept} on every request, and reading it
     * (split, {@link MediaType#valueOf}) cost about 1 % of a {@code tools/call echo}'s CPU (JFR, bench/peers/run):
     * hand-written memo of one entry, immutable and replaced whole, so a race only reads the header again.
     */
    private static volatile Memo last = new Memo("", Accepted.ANYTHING);

    private record Memo(String header, Accepted accepted) {
    }

    /** Reads {@code accept} (it is read for every POST); ranges that are not media ranges are ignored. */
    static Accepted accepted(String accept) {
        if (accept == null || accept.isBlank()) {
            return Accepted.ANYTHING;
        }
        Memo memo = last;
        if (memo.header().equals(accept)) {
            return memo.accepted();
        }
        Accepted accepted = read(accept);
        last = new Memo(accept, accepted);
        return accepted;
    }

    private static Accepted read(String accept) {
        boolean json = false;
        boolean sse = false;
        for (String range : accept.split(",")) {
            MediaType type;
            try {
                type = MediaType.valueOf(range.trim());
            } catch (IllegalArgumentException e) {
                continue;
            }
            json |= type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
            sse |= type.isCompatible(EVENT_STREAM_TYPE);
        }
        if (json) {
            return sse ? Accepted.ANYTHING : Accepted.JSON_ONLY;
        }
        return sse ? Accepted.EVENT_STREAM_ONLY : Accepted.NEITHER;
    }

    Response.ResponseBuilder ok(Object message) {
        String json = WireJson.toJson(message);
        return this == JSON
                ? Response.ok(json, MediaType.APPLICATION_JSON)
                : Response.ok("event: message\ndata: " + json + "\n\n", SSE).header("Cache-Control", "no-cache")
                        .header("X-Accel-Buffering", "no");
    }
}
