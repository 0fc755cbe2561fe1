/**
 * Multi round-trip requests (MCP 2026-07-28, MRTR): the {@code requestState} a server puts in an
 * {@code InputRequiredResult} of {@code tools/call}, {@code prompts/get} or {@code resources/read} and the client echoes
 * on its retry. {@link dev.delegatemcp.server.protocol.roundtrip.RequestStateSeal} seals it (AES-256-GCM, bound to the
 * user, the originating request and a short expiry; nothing in clear) and opens it again, on any server instance
 * configured with the same secret ({@link dev.delegatemcp.server.protocol.roundtrip.RequestStateConfig}). Part of the
 * protocol layer; may use only the JDK, Jakarta JSON Processing, MicroProfile Config and the server's
 * {@code ConfigChecks} and {@code ServerMessages}.
 */
package dev.delegatemcp.server.protocol.roundtrip;
