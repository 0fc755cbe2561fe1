package dev.delegatemcp.server.protocol.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.interaction.McpLog.Level;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.server.protocol.McpFeature;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SetLogLevelTest {

    private final SetLogLevel feature = new SetLogLevel();

    SetLogLevelTest() {
        feature.levels = new ClientLogLevels();
    }

    private static RequestContext context(String sessionId) {
        return new RequestContext(Json.createValue(1), "logging/setLevel", null, ProtocolVersion.LATEST,
                ClientCapabilities.NONE, sessionId, null);
    }

    private static JsonObject params(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @ParameterizedTest
    @EnumSource(Level.class)
    void eachOfTheEightLevelsIsSetForTheSession(Level level) {
        feature.handle(params("{\"level\":\"" + level.wireName() + "\"}"), context("s1"));
        assertEquals(Optional.of(level), feature.levels.of("s1"));
        assertEquals(Optional.empty(), feature.levels.of("s2"));
    }

    @Test
    void theResultIsExactlyAnEmptyObject() {
        Object result = feature.handle(params("{\"level\":\"info\"}"), context("s1"));
        assertSame(JsonValue.EMPTY_JSON_OBJECT, result);
        assertEquals("{}", WireJson.toJson(result));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"level\":\"INFO\"}", "{\"level\":\"verbose\"}", "{\"level\":\"\"}",
        "{\"level\":3}", "{\"level\":null}", "{\"level\":[\"info\"]}"})
    void aLevelThatIsNotOneOfTheEightNamesIsInvalidParams(String json) {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> feature.handle(params(json), context("s1")));
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, e.code());
        assertEquals("Invalid params: \"level\" must be one of debug, info, notice, warning, error, critical, alert, "
                + "emergency", e.getMessage());
        assertEquals(Optional.empty(), feature.levels.of("s1"), "the level is left as it was");
    }

    @Test
    void aRequestOutsideASessionIsInvalidParams() {
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> feature.handle(params("{\"level\":\"info\"}"), context(null)));
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, e.code());
    }

    @Test
    void itServesLoggingSetLevelAndAnnouncesTheLoggingCapability() {
        assertEquals(Set.of("logging/setLevel"), feature.methods());
        assertEquals(Optional.of(new McpFeature.Capability("logging", JsonValue.EMPTY_JSON_OBJECT)),
                feature.capability());
    }
}
