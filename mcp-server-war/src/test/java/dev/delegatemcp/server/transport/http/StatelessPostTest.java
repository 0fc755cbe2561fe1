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
        assertTrue(StatelessPost.stateless(WITH_META, null, null));
        assertTrue(StatelessPost.stateless(WITH_META, "2025-11-25", null));
        assertTrue(StatelessPost.stateless(request("{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
                + "\"2025-11-25\"}}"), null, null));
    }

    @Test
    void aSessionRevisionHeaderWithoutMetaIsALegacyClientNotModern() {
        assertFalse(StatelessPost.stateless(WITHOUT_META, "2025-11-25", null));
        assertFalse(StatelessPost.stateless(WITHOUT_META, " 2025-06-18 ", null));
        assertFalse(StatelessPost.stateless(WITHOUT_META, "2025-03-26", null));
    }

    @Test
    void anUnknownHeaderVersionIsModernSoThatItGetsUnsupportedProtocolVersion() {
        assertTrue(StatelessPost.stateless(WITHOUT_META, "2099-01-01", null));
        assertTrue(StatelessPost.stateless(WITHOUT_META, "2026-07-28", null));
    }

    @Test
    void neitherHeaderNorMetaIsNotModern() {
        assertFalse(StatelessPost.stateless(WITHOUT_META, null, null));
        assertFalse(StatelessPost.stateless(WITHOUT_META, "  ", null));
        assertFalse(StatelessPost.stateless(new JsonRpcMessage(Json.createValue(1), "ping", (JsonObject) null), null,
                null));
    }

    @Test
    void metaDeclaringARevisionIsStatelessEvenWithASessionHeaderWhichIsIgnoredAndWithoutMetaTheSessionDecides() {
        assertTrue(StatelessPost.stateless(WITH_META, "2026-07-28", "stale-session"));
        assertFalse(StatelessPost.stateless(WITHOUT_META, "2026-07-28", "live-session"),
                "a session's request without _meta is the session's");
        assertFalse(StatelessPost.stateless(WITHOUT_META, "2099-01-01", "live-session"));
    }
}
