package dev.delegatemcp.server.protocol.stateless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Optional;

import dev.delegatemcp.server.ServerConfig;
import dev.delegatemcp.server.protocol.CacheScope;
import dev.delegatemcp.wire.mcp.Implementation;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class StatelessResultsTest {

    private static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

    private final StatelessResults results = new StatelessResults(
            new ServerConfig("delegate-mcp", "1.2.3", Optional.empty()),
            new CachingConfig(Duration.ofMinutes(5), Duration.ofSeconds(30)));

    private static final JsonObject TOOLS = RequestMetadataTest.json("{\"tools\":[]}");

    @Test
    void aCompleteResultSaysSoAndKeepsTheFeaturesMembers() {
        JsonObject result = results.complete(TOOLS, "tools/list", Optional.empty(), false);
        assertEquals("complete", result.getString("resultType"));
        assertEquals(Json.createArrayBuilder().build(), result.getJsonArray("tools"));
    }

    @Test
    void theServerInfoIsInMeta() {
        JsonObject result = results.complete(TOOLS, "tools/call", Optional.empty(), false);
        JsonObject info = result.getJsonObject("_meta").getJsonObject(SERVER_INFO);
        assertEquals("delegate-mcp", info.getString("name"));
        assertEquals("1.2.3", info.getString("version"));
    }

    @Test
    void theServerInfoIsMergedWithAnExistingMeta() {
        JsonObject withMeta = RequestMetadataTest.json("{\"content\":[],\"_meta\":{\"example/trace\":\"abc\"}}");
        JsonObject meta = results.complete(withMeta, "tools/call", Optional.empty(), false).getJsonObject("_meta");
        assertEquals("abc", meta.getString("example/trace"));
        assertEquals("delegate-mcp", meta.getJsonObject(SERVER_INFO).getString("name"));
    }

    @Test
    void cachingHintsAreGivenOnlyWithACacheScope() {
        JsonObject uncached = results.complete(TOOLS, "tools/call", Optional.empty(), false);
        assertFalse(uncached.containsKey("ttlMs"));
        assertFalse(uncached.containsKey("cacheScope"));
        JsonObject cached = results.complete(TOOLS, "tools/list", Optional.of(CacheScope.PRIVATE), false);
        assertEquals(300_000L, cached.getJsonNumber("ttlMs").longValueExact());
        assertEquals("private", cached.getString("cacheScope"));
        assertEquals("public", results.complete(TOOLS, "server/discover", Optional.of(CacheScope.PUBLIC), false)
                .getString("cacheScope"));
    }

    @Test
    void resourcesReadGetsTheReadTtlAndListsTheListTtl() {
        assertEquals(30_000L, results.complete(TOOLS, "resources/read", Optional.of(CacheScope.PUBLIC), false)
                .getJsonNumber("ttlMs").longValueExact());
        assertEquals(300_000L, results.complete(TOOLS, "resources/list", Optional.of(CacheScope.PUBLIC), false)
                .getJsonNumber("ttlMs").longValueExact());
    }

    @Test
    void aRetryOfARoundTripGetsTtlZero() {
        JsonObject retried = results.complete(TOOLS, "resources/read", Optional.of(CacheScope.PUBLIC), true);
        assertEquals(0L, retried.getJsonNumber("ttlMs").longValueExact());
        assertEquals("public", retried.getString("cacheScope"));
    }

    @Test
    void aWireRecordOrNothingIsCompletedToo() {
        assertEquals("other",
                results.complete(new Implementation("other", null, "9"), "tools/call", Optional.empty(), false)
                        .getString("name"));
        assertEquals("complete", results.complete(null, "ping", Optional.empty(), false).getString("resultType"));
    }

    @Test
    void anInputRequiredResultCarriesTheServerInfoAndNoCachingHints() {
        JsonObject inputRequired = RequestMetadataTest.json(
                "{\"resultType\":\"input_required\",\"inputRequests\":{},\"requestState\":\"s\"}");
        JsonObject result = results.inputRequired(inputRequired);
        assertEquals("input_required", result.getString("resultType"));
        assertEquals("s", result.getString("requestState"));
        assertEquals("1.2.3", result.getJsonObject("_meta").getJsonObject(SERVER_INFO).getString("version"));
        assertFalse(result.containsKey("ttlMs"));
        assertFalse(result.containsKey("cacheScope"));
    }
}
