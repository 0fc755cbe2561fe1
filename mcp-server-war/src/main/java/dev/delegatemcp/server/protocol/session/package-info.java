/**
 * Sessions of the session-based revisions (MCP 2025-11-25, Lifecycle; Transports, Session Management): created by
 * initialize, owned by one subject, bounded. Part of the protocol layer.
 */
package dev.delegatemcp.server.protocol.session;
