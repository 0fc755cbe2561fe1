/**
 * Readiness for the orchestrator (MicroProfile Health 4.0, Liberty's {@code /health/ready}): whether the services
 * the deployment's requests depend on answer (the token issuer's JWK set, the STS, the token vault, remote MCP servers). Not on
 * the request path: nothing here is called by a request to the MCP endpoint, and nothing on that path calls here.
 */
package dev.delegatemcp.server.health;
