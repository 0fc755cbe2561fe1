package dev.delegatemcp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** {@link McpParamHeaders}: MCP 2026-07-28, Streamable HTTP, Custom Headers from Tool Parameters. */
class McpParamHeadersTest {

    @Test
    void onlyMcpParamHeadersAreKeptByTheirNameSuffix() {
        McpParamHeaders headers = McpParamHeaders.from(Map.of("Mcp-Param-Region", List.of("us-west1"), "Mcp-Name",
                List.of("execute_sql"), "Accept", List.of("application/json")));

        assertEquals(Set.of("Region"), headers.names());
        assertEquals(Optional.of("us-west1"), headers.value("Region"));
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        McpParamHeaders headers = McpParamHeaders.from(Map.of("mcp-param-region", List.of("us-west1")));

        assertEquals(Optional.of("us-west1"), headers.value("REGION"));
        assertEquals(Optional.of("us-west1"), headers.value("Region"));
    }

    @Test
    void valuesAreKeptAsSent() {
        McpParamHeaders headers = McpParamHeaders.from(Map.of("Mcp-Param-Text", List.of("=?base64?IHBhZGRlZCA=?=")));

        assertEquals(Optional.of("=?base64?IHBhZGRlZCA=?="), headers.value("Text"));
    }

    @Test
    void aHeaderSentOnSeveralLinesIsOneValueJoinedWithCommas() {
        McpParamHeaders headers = McpParamHeaders.from(Map.of("Mcp-Param-Region", List.of("us-west1", "eu-west1")));

        assertEquals(Optional.of("us-west1, eu-west1"), headers.value("Region"));
    }

    @Test
    void anEmptyValueIsAValue() {
        McpParamHeaders headers = McpParamHeaders.from(Map.of("Mcp-Param-EmptyVal", List.of("")));

        assertEquals(Optional.of(""), headers.value("EmptyVal"));
    }

    @Test
    void aRequestWithoutSuchHeadersHasNone() {
        assertSame(McpParamHeaders.NONE, McpParamHeaders.from(Map.of("Mcp-Param-", List.of("x"))));
        assertEquals(Optional.empty(), McpParamHeaders.NONE.value("Region"));
    }

    @Test
    void itsTextNamesTheHeadersButNotTheirValues() {
        String text = McpParamHeaders.from(Map.of("Mcp-Param-Tenant", List.of("secret-tenant"))).toString();

        assertFalse(text.contains("secret-tenant"), text);
    }
}
