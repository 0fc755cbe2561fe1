/**
 * Logging to the client (MCP 2025-11-25, Server utilities, Logging): {@code logging/setLevel} and the level each
 * session asked for. May use the protocol package, {@code session}, the wire module and {@code dev.delegatemcp.api}.
 */
package dev.delegatemcp.server.protocol.logging;
