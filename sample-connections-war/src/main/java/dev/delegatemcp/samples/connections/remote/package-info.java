/**
 * The demo's remote MCP servers (Streamable HTTP, messages from the wire module) that accept only vault tokens of
 * their app. May use {@code apps} and {@code vault}.
 */
package dev.delegatemcp.samples.connections.remote;
