/**
 * The protocol layer: the dispatcher (method to {@link dev.delegatemcp.server.protocol.McpFeature}), the per-request
 * {@link dev.delegatemcp.server.protocol.RequestContext} and what the client declared. Knows no feature; the features,
 * the transport and the proxy use it. May use {@code security} and the wire module.
 */
package dev.delegatemcp.server.protocol;
