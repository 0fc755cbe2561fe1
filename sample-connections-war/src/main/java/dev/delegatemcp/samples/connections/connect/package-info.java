/**
 * The pages where a signed-in user connects or disconnects an app, per user or for the tenant. May use
 * {@code apps} and {@code vault}.
 */
package dev.delegatemcp.samples.connections.connect;
