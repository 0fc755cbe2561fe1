/**
 * Downstream credentials for the MCP server: RFC 8693 token exchange at the STS and stored tokens from the token
 * vault, as typed MP Rest Clients with Fault Tolerance; the per-caller credential cache, the audit record and the
 * module's message catalogue. Uses the api module and MicroProfile; knows nothing of MCP.
 */
package dev.delegatemcp.credentials;
