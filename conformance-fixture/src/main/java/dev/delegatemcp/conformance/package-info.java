/**
 * The fixture of the official MCP conformance suite's server scenarios (@modelcontextprotocol/conformance): the tools,
 * resources, resource template, prompts and completer its scenarios call, with the names and contents of its
 * reference server, written with the public API only ({@code dev.delegatemcp.api...}). Deployed beside the real
 * server in test deployments only: the conformance integration test and {@code bin/conformance-server}.
 */
package dev.delegatemcp.conformance;
