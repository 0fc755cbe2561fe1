/**
 * Internal module shared by the server, the remote MCP client, the sample remote servers and the test doubles: the
 * one configured JSON-B ({@link dev.delegatemcp.wire.WireJson}). Depends on Jakarta JSON-P and JSON-B only.
 */
package dev.delegatemcp.wire;
