package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.delegatemcp.server.protocol.McpParamHeaders;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/**
 * What the stateless transport makes of errors the features answer with (MCP 2026-07-28, Streamable HTTP), and the
 * {@code Mcp-Param-*} headers it hands them.
 */
class StatelessPostStatusTest {

    @Test
    void aHeaderMismatchFoundByAFeatureIsABadRequest() {
        assertEquals(Response.Status.BAD_REQUEST, StatelessPost.statusOf(JsonRpcErrorCodes.HEADER_MISMATCH));
    }

    @Test
    void aMissingRequiredClientCapabilityIsABadRequest() {
        assertEquals(Response.Status.BAD_REQUEST,
                StatelessPost.statusOf(JsonRpcErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY));
    }

    @Test
    void aMethodNotFoundIsNotFound() {
        assertEquals(Response.Status.NOT_FOUND, StatelessPost.statusOf(JsonRpcErrorCodes.METHOD_NOT_FOUND));
    }

    @Test
    void otherErrorsOfTheRequestAreAnsweredWithOk() {
        assertEquals(Response.Status.OK, StatelessPost.statusOf(JsonRpcErrorCodes.INVALID_PARAMS));
    }

    @Test
    void theEndpointHandsOnEveryMcpParamHeaderWhateverTheCaseOfItsName() {
        McpParamHeaders headers = McpEndpoint.paramHeaders(ServletFakes.requestWithHeaders(Map.of("mcp-param-region",
                List.of("us-west1"), "MCP-PARAM-Priority", List.of("42"), "Mcp-Name", List.of("tool"))));

        assertEquals(Optional.of("us-west1"), headers.value("Region"));
        assertEquals(Optional.of("42"), headers.value("priority"));
        assertEquals(2, headers.names().size());
    }
}
