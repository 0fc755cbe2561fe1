/**
 * What a method can do with the client while it serves a request ({@link dev.delegatemcp.api.interaction.McpRequest}:
 * progress, logging, cancellation, sampling, elicitation, roots), and outcomes a tool (or the {@code @Downstream} path)
 * throws when the user must act first, e.g. connect a service at a URL. The server renders them per protocol revision and client capability. May use {@code dev.delegatemcp.api}.
 */
package dev.delegatemcp.api.interaction;
