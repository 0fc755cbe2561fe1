package dev.delegatemcp.server.protocol.stateless;

import java.io.StringReader;
import java.util.Optional;

import dev.delegatemcp.server.ServerConfig;
import dev.delegatemcp.server.protocol.CacheScope;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.mcp.McpMeta;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Completes a feature's result for a client of MCP 2026-07-28: {@code "resultType": "complete"} (Key Changes: every
 * result carries it), the server's name and version in {@code _meta["io.modelcontextprotocol/serverInfo"]} (Basic,
 * per-response protocol fields), and on cacheable results {@code ttlMs} (milliseconds, from {@code mcp.caching.*}) and
 * {@code cacheScope} (Caching). A retry of a round trip is never cacheable ("MUST NOT be cached"): it gets
 * {@code ttlMs: 0}.
 */
@ApplicationScoped
public class StatelessResults {

    private final JsonObject serverInfo;
    private final CachingConfig caching;

    /** For CDI proxies only. */
    protected StatelessResults() {
        serverInfo = null;
        caching = null;
    }

    @Inject
    public StatelessResults(ServerConfig server, CachingConfig caching) {
        this.serverInfo = Json.createObjectBuilder().add("name", server.name()).add("version", server.version())
                .build();
        this.caching = caching;
    }

    /**
     * @param result what the feature returned (a wire record or a JSON-P object)
     * @param cacheScope the feature's word on caching, empty when the result is not cacheable
     * @param retry whether the request carried {@code inputResponses} or {@code requestState}
     */
    public JsonObject complete(Object result, String method, Optional<CacheScope> cacheScope, boolean retry) {
        JsonObject body = object(result);
        JsonObjectBuilder completed = Json.createObjectBuilder(body).add("resultType", "complete");
        JsonObjectBuilder meta = body.get("_meta") instanceof JsonObject existing ? Json.createObjectBuilder(existing)
                : Json.createObjectBuilder();
        completed.add("_meta", meta.add(McpMeta.SERVER_INFO, serverInfo));
        cacheScope.ifPresent(scope -> completed.add("ttlMs", retry ? 0L : ttlMillis(method))
                .add("cacheScope", scope.wireName()));
        return completed.build();
    }

    /** An InputRequiredResult gets the server's identity too, and no caching hints (Caching: "not cacheable"). */
    public JsonObject inputRequired(JsonObject result) {
        return Json.createObjectBuilder(result)
                .add("_meta", Json.createObjectBuilder().add(McpMeta.SERVER_INFO, serverInfo)).build();
    }

    private long ttlMillis(String method) {
        return (McpMethods.RESOURCES_READ.equals(method) ? caching.readTtl() : caching.listTtl()).toMillis();
    }

    private static JsonObject object(Object result) {
        if (result instanceof JsonObject object) {
            return object;
        }
        if (result == null || result == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(WireJson.toJson(result)))) {
            return reader.readObject();
        }
    }
}
