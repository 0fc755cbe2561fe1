/**
 * The MCP server's OAuth Protected Resource Metadata (RFC 9728) at the host's well-known path. Uses the CORS module
 * and MicroProfile Config.
 */
package dev.delegatemcp.metadata;
