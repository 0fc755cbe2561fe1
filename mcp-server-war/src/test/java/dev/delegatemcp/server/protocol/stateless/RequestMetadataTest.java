package dev.delegatemcp.server.protocol.stateless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Optional;

import dev.delegatemcp.api.interaction.McpLog;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class RequestMetadataTest {

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static JsonObject params(String metaMembers) {
        return json("{\"name\":\"t\",\"_meta\":{" + metaMembers + "}}");
    }

    private static final String VERSION = "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"";
    private static final String NO_CAPABILITIES = "\"io.modelcontextprotocol/clientCapabilities\":{}";

    private static void assertInvalid(JsonObject params, String named) {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> RequestMetadata.read(params),
                params.toString());
        assertEquals(-32602, e.code());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void aRequestWithoutMetaIsInvalidParams() {
        assertInvalid(json("{\"name\":\"t\"}"), "_meta");
        assertInvalid(json("{\"_meta\":\"2026-07-28\"}"), "_meta");
    }

    @Test
    void aMetaWithoutAProtocolVersionStringIsInvalidParams() {
        assertInvalid(params(NO_CAPABILITIES), "protocolVersion");
        assertInvalid(params(NO_CAPABILITIES + ",\"io.modelcontextprotocol/protocolVersion\":20260728"),
                "protocolVersion");
    }

    @Test
    void aMetaWithoutClientCapabilitiesIsInvalidParams() {
        assertInvalid(params(VERSION), "clientCapabilities");
        assertInvalid(params(VERSION + ",\"io.modelcontextprotocol/clientCapabilities\":[]"), "clientCapabilities");
    }

    @Test
    void clientInfoIsOptionalAndTheVersionIsReadAsWritten() {
        RequestMetadata metadata = RequestMetadata.read(params(VERSION + "," + NO_CAPABILITIES));
        assertEquals("2026-07-28", metadata.protocolVersion());
        assertEquals(ClientCapabilities.NONE, metadata.capabilities());
        assertEquals(Optional.empty(), metadata.logLevel());
        assertNull(metadata.traceparent());
        assertNull(metadata.tracestate());
    }

    @Test
    void theLogLevelIsParsed() {
        for (McpLog.Level level : McpLog.Level.values()) {
            RequestMetadata metadata = RequestMetadata.read(params(VERSION + "," + NO_CAPABILITIES
                    + ",\"io.modelcontextprotocol/logLevel\":\"" + level.wireName() + "\""));
            assertEquals(Optional.of(level), metadata.logLevel());
        }
        assertEquals(Optional.empty(), RequestMetadata
                .read(params(VERSION + "," + NO_CAPABILITIES + ",\"io.modelcontextprotocol/logLevel\":null"))
                .logLevel());
    }

    @Test
    void anUnknownLogLevelIsInvalidParams() {
        assertInvalid(params(VERSION + "," + NO_CAPABILITIES + ",\"io.modelcontextprotocol/logLevel\":\"verbose\""),
                "logLevel");
        assertInvalid(params(VERSION + "," + NO_CAPABILITIES + ",\"io.modelcontextprotocol/logLevel\":\"DEBUG\""),
                "logLevel");
        assertInvalid(params(VERSION + "," + NO_CAPABILITIES + ",\"io.modelcontextprotocol/logLevel\":3"),
                "logLevel");
    }

    @Test
    void declaredCapabilitiesAreMapped() {
        RequestMetadata all = RequestMetadata.read(params(VERSION + ",\"io.modelcontextprotocol/clientCapabilities\":"
                + "{\"sampling\":{},\"roots\":{},\"elicitation\":{\"form\":{},\"url\":{}}}"));
        assertEquals(new ClientCapabilities(true, true, true, true), all.capabilities());
        RequestMetadata urlOnly = RequestMetadata.read(params(VERSION
                + ",\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{\"url\":{}}}"));
        assertEquals(new ClientCapabilities(false, false, true, false), urlOnly.capabilities());
        RequestMetadata formByDefault = RequestMetadata.read(params(VERSION
                + ",\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}}"));
        assertEquals(new ClientCapabilities(false, true, false, false), formByDefault.capabilities());
        RequestMetadata sampling = RequestMetadata.read(params(VERSION
                + ",\"io.modelcontextprotocol/clientCapabilities\":{\"sampling\":{}}"));
        assertEquals(new ClientCapabilities(true, false, false, false), sampling.capabilities());
    }

    @Test
    void traceContextIsRead() {
        RequestMetadata metadata = RequestMetadata.read(params(VERSION + "," + NO_CAPABILITIES
                + ",\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\""
                + ",\"tracestate\":\"congo=t61rcWkgMzE\""));
        assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", metadata.traceparent());
        assertEquals("congo=t61rcWkgMzE", metadata.tracestate());
    }

    @Test
    void theDeclaredVersionIsReadWhenItIsAString() {
        assertEquals(Optional.of("2026-07-28"), RequestMetadata.declaredVersion(params(VERSION)));
        assertEquals(Optional.empty(), RequestMetadata.declaredVersion(json("{}")));
        assertEquals(Optional.empty(), RequestMetadata
                .declaredVersion(params("\"io.modelcontextprotocol/protocolVersion\":1")));
    }
}
