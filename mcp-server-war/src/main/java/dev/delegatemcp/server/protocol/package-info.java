/**
 * The protocol layer: the dispatcher (method to {@link dev.delegatemcp.server.protocol.McpFeature}), the per-request
 * {@link dev.delegatemcp.server.protocol.RequestContext}, what the client declared and what its headers carry
 * ({@link dev.delegatemcp.server.protocol.McpParamHeaders},
 * {@link dev.delegatemcp.wire.mcp.HeaderValueEncoding}). Knows no feature; the features, the transport and the
 * proxy use it. May use {@code security} and the wire module.
 */
package dev.delegatemcp.server.protocol;
