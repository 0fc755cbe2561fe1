/**
 * Remote MCP servers' tools re-exported as this server's own: a second
 * {@link dev.delegatemcp.server.feature.tool.ToolProvider}. May use {@code feature.tool}, {@code protocol},
 * {@code downstream}, {@code remote} and {@code security}; nothing uses it.
 */
package dev.delegatemcp.server.proxy;
