/**
 * The demo's connected services: a token vault in the wire format of Descope Outbound Apps, the pages where a user
 * connects an app, and remote MCP servers that accept only the vault's tokens. Demo code, not for production.
 */
package dev.delegatemcp.samples.connections;
