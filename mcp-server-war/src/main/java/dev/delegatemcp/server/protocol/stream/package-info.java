/**
 * Messages from the server to the client outside the request/response pair: notifications and requests sent on a
 * request's event stream or a session's GET stream, the answers routed back to whoever waits for them, and
 * cancellation. May use the protocol package, {@code session}, the wire module and {@code dev.delegatemcp.api}.
 */
package dev.delegatemcp.server.protocol.stream;
