/**
 * What tool authors touch, and nothing else: {@code @Tool} and its arguments, results and content, the caller,
 * {@code @Downstream} and the credentials it injects, remote MCP servers and their tools; prompts in {@code prompt},
 * completions in {@code completion}, what a method can do with the client in {@code interaction}. Depends on Jakarta
 * EE APIs only; the server's modules depend on it, never the reverse.
 */
package dev.delegatemcp.api;
