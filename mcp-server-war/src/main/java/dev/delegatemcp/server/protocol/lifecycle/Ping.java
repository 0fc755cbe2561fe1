package dev.delegatemcp.server.protocol.lifecycle;

import java.util.Set;

import dev.delegatemcp.server.protocol.McpFeature;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** {@code ping} (MCP 2025-11-25, Utilities, Ping): answered with an empty result. */
@ApplicationScoped
public class Ping implements McpFeature {

    @Override
    public Set<String> methods() {
        return Set.of(McpMethods.PING);
    }

    @Override
    public Object handle(JsonObject params, RequestContext context) {
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
