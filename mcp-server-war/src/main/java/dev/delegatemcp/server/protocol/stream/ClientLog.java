package dev.delegatemcp.server.protocol.stream;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import dev.delegatemcp.api.interaction.McpLog;
import dev.delegatemcp.wire.mcp.LoggingMessageParams;
import dev.delegatemcp.wire.mcp.McpMethods;

/**
 * Log messages of one request to the client ({@code notifications/message}, MCP 2025-11-25, Server utilities,
 * Logging), on the request's stream, at or above the level the session set; none before it set one.
 */
final class ClientLog implements McpLog {

    private final Supplier<Optional<Level>> threshold;
    private final RequestChannel channel;
    private final String logger;

    ClientLog(Supplier<Optional<Level>> threshold, RequestChannel channel, String logger) {
        this.threshold = threshold;
        this.channel = channel;
        this.logger = logger;
    }

    @Override
    public boolean isEnabled(Level level) {
        Optional<Level> lowest = threshold.get();
        return lowest.isPresent() && level.compareTo(lowest.get()) >= 0;
    }

    @Override
    public void log(Level level, Object data) {
        Objects.requireNonNull(level, "level");
        if (isEnabled(level)) {
            channel.notify(McpMethods.MESSAGE, new LoggingMessageParams(level.wireName(), logger, data));
        }
    }
}
