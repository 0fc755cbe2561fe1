package dev.delegatemcp.server.protocol.roundtrip;

/**
 * The request asked its client something that has no answer yet: it ends with an InputRequiredResult, and the client's
 * retry carries the answer (MCP 2026-07-28, Multi Round-Trip Requests).
 */
public final class InputRequiredException extends RoundTripSignal {

    private static final long serialVersionUID = 1L;

    InputRequiredException() {
        super("The client's input is required");
    }
}
