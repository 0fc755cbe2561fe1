package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class StatelessPostTest {

    private static JsonRpcMessage request(String params) {
        try (var reader = Json.createReader(new StringReader(params))) {
            return new JsonRpcMessage(Json.createValue(1), "tools/list", reader.readObject());
        }
    }

    private static final JsonRpcMessage WITH_META = request(
            "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                    + "\"io.modelcontextprotocol/clientCapabilities\":{}}}");
    private static final JsonRpcMessage WITHOUT_META = request("{}");

    @Test
    void aVersionInMetaMakesTheRequestModernWhateverTheHeader() {
        assertTrue(StatelessPost.stateless(WITH_META, null));
        assertTrue(StatelessPost.stateless(WITH_META, "2025-11-25"));
        assertTrue(StatelessPost.stateless(request("{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
                + "\"2025-11-25\"}}"), null));
    }

    @Test
    void aSessionRevisionHeaderWithoutMetaIsALegacyClientNotModern() {
        assertFalse(StatelessPost.stateless(WITHOUT_META, "2025-11-25"));
        assertFalse(StatelessPost.stateless(WITHOUT_META, " 2025-06-18 "));
        assertFalse(StatelessPost.stateless(WITHOUT_META, "2025-03-26"));
    }

    @Test
    void anUnknownHeaderVersionIsModernSoThatItGetsUnsupportedProtocolVersion() {
        assertTrue(StatelessPost.stateless(WITHOUT_META, "2099-01-01"));
        assertTrue(StatelessPost.stateless(WITHOUT_META, "2026-07-28"));
    }

    @Test
    void neitherHeaderNorMetaIsNotModern() {
        assertFalse(StatelessPost.stateless(WITHOUT_META, null));
        assertFalse(StatelessPost.stateless(WITHOUT_META, "  "));
        assertFalse(StatelessPost.stateless(new JsonRpcMessage(Json.createValue(1), "ping", (JsonObject) null), null));
    }
}
