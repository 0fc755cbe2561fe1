package dev.delegatemcp.server.protocol.stateless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.server.ServerConfig;
import dev.delegatemcp.server.protocol.CacheScope;
import dev.delegatemcp.server.protocol.McpFeature;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.server.protocol.lifecycle.Initializer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

class DiscoverTest {

    /** A feature announcing one capability, as tools do. */
    private static final McpFeature TOOLS = new McpFeature() {
        @Override
        public Set<String> methods() {
            return Set.of("tools/list");
        }

        @Override
        public Optional<Capability> capability() {
            return Optional.of(new Capability("tools", Map.of("listChanged", true)));
        }

        @Override
        public Object handle(JsonObject params, RequestContext context) {
            return null;
        }
    };

    private static Discover discover(Optional<String> instructions) {
        ServerConfig config = new ServerConfig("delegate-mcp", "1.0", instructions);
        return new Discover(new Initializer(List.of(TOOLS), config), config);
    }

    private static JsonObject result(Discover discover) {
        return (JsonObject) discover.handle(JsonObject.EMPTY_JSON_OBJECT, null);
    }

    @Test
    void supportedVersionsListTheStatelessAndSessionRevisionsNewestFirst() {
        List<String> versions = result(discover(Optional.empty())).getJsonArray("supportedVersions")
                .getValuesAs(JsonString::getString);
        assertEquals("2026-07-28", versions.get(0));
        assertEquals("2025-11-25", versions.get(1));
        for (int i = 1; i < versions.size(); i++) {
            assertEquals(1, versions.get(i - 1).compareTo(versions.get(i)) > 0 ? 1 : 0, versions.toString());
        }
    }

    @Test
    void capabilitiesAreThoseTheInitializerAnnounces() {
        JsonObject capabilities = result(discover(Optional.empty())).getJsonObject("capabilities");
        assertEquals(Set.of("tools"), capabilities.keySet());
        assertEquals(true, capabilities.getJsonObject("tools").getBoolean("listChanged"));
    }

    @Test
    void instructionsAreGivenWhenConfiguredAndLeftOutWhenBlank() {
        assertEquals("Use the tools.", result(discover(Optional.of(" Use the tools. "))).getString("instructions"));
        assertFalse(result(discover(Optional.empty())).containsKey("instructions"));
        assertFalse(result(discover(Optional.of("   "))).containsKey("instructions"));
    }

    @Test
    void discoverServesServerDiscoverAndIsPubliclyCacheable() {
        assertEquals(Set.of("server/discover"), discover(Optional.empty()).methods());
        assertEquals(Optional.of(CacheScope.PUBLIC), discover(Optional.empty()).cacheScope("server/discover"));
    }
}
