/**
 * What runs the real MCP server for the official conformance suite, which sends no token: {@link
 * dev.delegatemcp.conformance.server.BearerTokenProxy}, a local streaming reverse proxy that adds one, and {@link
 * dev.delegatemcp.conformance.server.ConformanceProxy}, the program {@code bin/conformance-server} runs (its own key
 * pair, a JWKS file the conformance Liberty server trusts, a fresh token per request). Uses the JDK's HTTP server and
 * client and Nimbus JOSE+JWT; nothing of the server. The Liberty server's settings are in
 * {@code src/main/liberty/config}.
 */
package dev.delegatemcp.conformance.server;
