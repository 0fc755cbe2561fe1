package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/**
 * Another JAX-RS application of the web module that lists no classes is given this endpoint too, under its own path,
 * outside web.xml's constraint and filters (a tool author's {@code @ApplicationPath("/api")} application): there the
 * endpoint is not there.
 */
class McpEndpointForeignPathTest {

    private final McpEndpoint endpoint = new McpEndpoint();

    @Test
    void aPostAtAnotherApplicationsPathIsNotFoundNotAServerError() {
        endpoint.servletRequests = ServletFakes.requestAt("POST", "/api", "/mcp", Map.of());
        assertNotHere(endpoint.post());
    }

    @Test
    void aGetAtAnotherApplicationsPathIsNotFoundBeforeAnythingElseIsLookedAt() {
        endpoint.servletRequests = ServletFakes.requestAt("GET", "/api", "/mcp", Map.of());
        WebApplicationException refused = assertThrows(WebApplicationException.class,
                () -> endpoint.listen(null, null, List.of(), "a-session", null, null));
        assertNotHere(refused.getResponse());
    }

    @Test
    void aDeleteAtAnotherApplicationsPathIsNotFoundBeforeAnythingElseIsLookedAt() {
        endpoint.servletRequests = ServletFakes.requestAt("DELETE", "/api", "/mcp", Map.of());
        assertNotHere(endpoint.delete(List.of(), "a-session"));
    }

    @Test
    void theOwnPathIsMcpUnderTheContextRootHoweverTheServletIsMapped() {
        assertTrue(McpEndpoint.atOwnPath(ServletFakes.requestAt("GET", "", "/mcp", Map.of())));
        assertTrue(McpEndpoint.atOwnPath(ServletFakes.requestAt("GET", "/mcp", null, Map.of())));
        assertTrue(McpEndpoint.atOwnPath(ServletFakes.requestAt("GET", "", "/mcp/", Map.of())));
        assertFalse(McpEndpoint.atOwnPath(ServletFakes.requestAt("GET", "/api", "/mcp", Map.of())));
        assertFalse(McpEndpoint.atOwnPath(ServletFakes.requestAt("GET", "", "/mcpx", Map.of())));
        assertFalse(McpEndpoint.atOwnPath(ServletFakes.requestAt("GET", "", "/api/mcp", Map.of())));
    }

    private static void assertNotHere(Response response) {
        assertEquals(404, response.getStatus());
        String body = (String) response.getEntity();
        assertEquals("Not Found: the MCP endpoint is <context root>/mcp", Json.createReader(new StringReader(body))
                .readObject().getJsonObject("error").getString("message"), body);
    }
}
