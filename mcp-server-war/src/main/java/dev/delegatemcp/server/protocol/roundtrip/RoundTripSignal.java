package dev.delegatemcp.server.protocol.roundtrip;

/**
 * Unwinds a request that cannot complete in this round of a round trip (MCP 2026-07-28, Multi Round-Trip Requests):
 * features let it through like a cancellation. It carries no stack trace; a tool that catches it by accident changes
 * nothing, since {@link RoundTrip} remembers why the round ended.
 */
public abstract class RoundTripSignal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RoundTripSignal(String message) {
        super(message, null, false, false);
    }
}
