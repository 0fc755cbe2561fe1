/**
 * The MCP server module. The request path reads one way: {@code transport -> protocol <- feature.* -> (schema,
 * security)}; {@code downstream} and {@code proxy} plug into {@code feature.tool}; {@code remote} serves them; nothing
 * imports {@code transport} (RequestPathArchitectureTest). This package holds what every layer may use: the server's
 * identity settings, the operator message catalogue and the way deployment messages name methods.
 */
package dev.delegatemcp.server;
