/**
 * MCP Streamable HTTP (MCP 2025-11-25, Transports): the JAX-RS endpoint, request filters (Origin, media types, size
 * limits, unreadable headers) and the JSON or SSE response writing. May use {@code protocol} and {@code security};
 * nothing may use it.
 */
package dev.delegatemcp.server.transport.http;
