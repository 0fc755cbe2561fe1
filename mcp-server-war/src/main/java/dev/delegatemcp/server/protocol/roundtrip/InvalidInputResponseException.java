package dev.delegatemcp.server.protocol.roundtrip;

/**
 * An answer in the retry's {@code inputResponses} does not have the shape of the result it answers (MCP 2026-07-28,
 * Multi Round-Trip Requests, Error Handling): the request ends with a -32602 error saying which.
 */
public final class InvalidInputResponseException extends RoundTripSignal {

    private static final long serialVersionUID = 1L;

    InvalidInputResponseException(String message) {
        super(message);
    }
}
