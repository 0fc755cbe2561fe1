package dev.delegatemcp.server.protocol.logging;

import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.interaction.McpLog;
import dev.delegatemcp.server.protocol.McpFeature;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * {@code logging/setLevel} (MCP 2025-11-25, Server utilities, Logging): the lowest level of the log messages the
 * session receives from now on; announces the {@code logging} capability. A level that is not one of the eight
 * RFC 5424 names is -32602.
 */
@ApplicationScoped
public class SetLogLevel implements McpFeature {

    @Inject
    ClientLogLevels levels;

    @Override
    public Set<String> methods() {
        return Set.of(McpMethods.LOGGING_SET_LEVEL);
    }

    @Override
    public Optional<Capability> capability() {
        return Optional.of(new Capability("logging", JsonValue.EMPTY_JSON_OBJECT));
    }

    @Override
    public Object handle(JsonObject params, RequestContext context) {
        McpLog.Level level = parse(params.get("level"));
        if (context.sessionId() == null) {
            throw JsonRpcException.invalidParams("Invalid params: logging/setLevel needs a session");
        }
        levels.set(context.sessionId(), level);
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    static McpLog.Level parse(JsonValue value) {
        if (value instanceof JsonString text) {
            for (McpLog.Level level : McpLog.Level.values()) {
                if (level.wireName().equals(text.getString())) {
                    return level;
                }
            }
        }
        throw JsonRpcException.invalidParams("Invalid params: \"level\" must be one of debug, info, notice, "
                + "warning, error, critical, alert, emergency");
    }
}
