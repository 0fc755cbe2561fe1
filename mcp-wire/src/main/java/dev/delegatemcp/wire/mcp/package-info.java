/**
 * MCP 2025-11-25 messages as records (the schema types of the same names) and the protocol revisions this project
 * speaks. May use {@code jsonrpc}.
 */
package dev.delegatemcp.wire.mcp;
