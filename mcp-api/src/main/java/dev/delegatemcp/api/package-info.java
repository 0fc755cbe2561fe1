/**
 * What tool authors touch, and nothing else: {@code @Tool} and its arguments, results and content, the caller,
 * {@code @Downstream} and the credentials it injects, remote MCP servers and their tools. Depends on Jakarta EE
 * APIs only; the server's modules depend on it, never the reverse.
 */
package dev.delegatemcp.api;
