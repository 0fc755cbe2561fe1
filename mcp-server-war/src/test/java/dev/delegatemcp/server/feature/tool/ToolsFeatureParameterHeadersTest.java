package dev.delegatemcp.server.feature.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.delegatemcp.server.feature.TestRequests;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.server.protocol.McpParamHeaders;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.CallToolResult;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import dev.delegatemcp.wire.mcp.Tool;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** {@code tools/call} checks a tool's {@code Mcp-Param-*} headers before the tool runs (MCP 2026-07-28). */
class ToolsFeatureParameterHeadersTest {

    /** A provider of one tool mirroring {@code region} into {@code Mcp-Param-Region}, recording its calls. */
    private static final class RegionTool implements ToolProvider, ToolProvider.CallableTool {
        final List<JsonObject> calls = new ArrayList<>();

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public List<Tool> visibleTools(RequestContext context) {
            return List.of();
        }

        @Override
        public Optional<CallableTool> find(String name, RequestContext context) {
            return "regional".equals(name) ? Optional.of(this) : Optional.empty();
        }

        @Override
        public String name() {
            return "regional";
        }

        @Override
        public ParameterHeaders parameterHeaders() {
            return new ParameterHeaders(List.of(new ParameterHeaders.Header("Region", List.of("region"))));
        }

        @Override
        public CallToolResult call(JsonObject arguments, RequestContext context) {
            calls.add(arguments);
            return CallToolResult.error("called");
        }
    }

    private final RegionTool tool = new RegionTool();
    private final ToolsFeature feature = new ToolsFeature(List.of(tool), new ToolsConfig());

    private static JsonObject params(String region) {
        return Json.createObjectBuilder().add("name", "regional")
                .add("arguments", Json.createObjectBuilder().add("region", region)).build();
    }

    private static RequestContext stateless(McpParamHeaders headers) {
        return new RequestContext(Json.createValue(1), McpMethods.TOOLS_CALL, TestRequests.caller(),
                ProtocolVersion.of("2026-07-28").orElseThrow(), ClientCapabilities.NONE, null, null, headers);
    }

    @Test
    void aCallWhoseHeaderDoesNotFitItsArgumentsIsAHeaderMismatchAndTheToolDoesNotRun() {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> feature.call(params("us-west1"),
                stateless(McpParamHeaders.from(Map.of("Mcp-Param-Region", List.of("eu-west1"))))));

        assertEquals(JsonRpcErrorCodes.HEADER_MISMATCH, e.code());
        assertEquals(List.of(), tool.calls);
    }

    @Test
    void aCallWithoutTheHeaderItsArgumentNeedsIsAHeaderMismatch() {
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> feature.call(params("us-west1"), stateless(McpParamHeaders.NONE)));

        assertEquals(JsonRpcErrorCodes.HEADER_MISMATCH, e.code());
        assertEquals(List.of(), tool.calls);
    }

    @Test
    void aCallWhoseHeaderFitsRunsTheTool() {
        feature.call(params("us-west1"),
                stateless(McpParamHeaders.from(Map.of("Mcp-Param-Region", List.of("us-west1")))));

        assertEquals(1, tool.calls.size());
    }

    @Test
    void aCallInASessionOf20251125IsNotCheckedForHeaders() {
        feature.call(params("us-west1"), TestRequests.context(McpMethods.TOOLS_CALL, TestRequests.caller()));

        assertEquals(1, tool.calls.size());
    }
}
