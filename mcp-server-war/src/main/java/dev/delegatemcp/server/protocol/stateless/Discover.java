package dev.delegatemcp.server.protocol.stateless;

import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.server.ServerConfig;
import dev.delegatemcp.server.protocol.CacheScope;
import dev.delegatemcp.server.protocol.McpFeature;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.server.protocol.lifecycle.Initializer;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * {@code server/discover} (MCP 2026-07-28, Server features, Discovery): the revisions this server speaks (newest
 * first), its capabilities (the same the features announce at {@code initialize}) and its instructions; the server's
 * identity is added to {@code _meta} like on every result. The same for every caller: cacheable, public.
 */
@ApplicationScoped
public class Discover implements McpFeature {

    private final Initializer initializer;
    private final ServerConfig config;

    /** For CDI proxies only. */
    protected Discover() {
        initializer = null;
        config = null;
    }

    @Inject
    public Discover(Initializer initializer, ServerConfig config) {
        this.initializer = initializer;
        this.config = config;
    }

    @Override
    public Set<String> methods() {
        return Set.of(McpMethods.SERVER_DISCOVER);
    }

    @Override
    public Optional<CacheScope> cacheScope(String method) {
        return Optional.of(CacheScope.PUBLIC);
    }

    @Override
    public Object handle(JsonObject params, RequestContext context) {
        JsonArrayBuilder versions = Json.createArrayBuilder();
        ProtocolVersion.supported().forEach(versions::add);
        JsonObjectBuilder result = Json.createObjectBuilder().add("supportedVersions", versions)
                .add("capabilities", initializer.capabilitiesJson());
        config.instructions().map(String::trim).filter(text -> !text.isEmpty())
                .ifPresent(text -> result.add("instructions", text));
        return result.build();
    }
}
