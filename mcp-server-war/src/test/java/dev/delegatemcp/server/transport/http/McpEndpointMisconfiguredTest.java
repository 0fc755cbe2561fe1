package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class McpEndpointMisconfiguredTest {

    @Test
    void aPostWithoutTheFiltersWrapperGetsAJsonRpcInternalErrorNotAnException() {
        McpEndpoint endpoint = new McpEndpoint();
        endpoint.servletRequests = ServletFakes.request("POST", Map.of()); // no UpgradableResponse attribute
        for (int i = 0; i < 2; i++) {
            Response response = endpoint.post();
            assertEquals(500, response.getStatus());
            String body = (String) response.getEntity();
            assertEquals(-32603, jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject()
                    .getJsonObject("error").getInt("code"), body);
            assertFalse(body.contains("Exception"), body);
        }
    }
}
