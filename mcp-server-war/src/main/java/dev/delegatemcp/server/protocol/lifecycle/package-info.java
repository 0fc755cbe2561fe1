/**
 * {@code initialize} (capabilities gathered from the features) and {@code ping}. Part of the protocol layer.
 */
package dev.delegatemcp.server.protocol.lifecycle;
