package dev.delegatemcp.server.feature;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.json.Json;

/** Callers, request contexts and log capture for the features' tests. */
public final class TestRequests {

    private TestRequests() {
    }

    /** A hand-made caller with those scopes. */
    public record Caller(String subject, Optional<String> clientId, Optional<String> tenant, Set<String> scopes)
            implements McpCaller {
    }

    public static McpCaller caller(String... scopes) {
        return new Caller("alice", Optional.of("client-1"), Optional.empty(), Set.of(scopes));
    }

    /** A request of that method in a session, by that caller. */
    public static RequestContext context(String method, McpCaller caller) {
        return new RequestContext(Json.createValue(1), method, caller, ProtocolVersion.LATEST, ClientCapabilities.NONE,
                "s1", null);
    }

    /** The lines a logger writes while open (every level), formatted as written. */
    public static final class LogCapture extends Handler implements AutoCloseable {

        private final Logger logger;
        private final Level previous;
        private final List<LogRecord> records = new ArrayList<>();

        public LogCapture(Class<?> loggingClass) {
            logger = Logger.getLogger(loggingClass.getName());
            previous = logger.getLevel();
            logger.setLevel(Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(previous);
        }

        public List<LogRecord> records() {
            return List.copyOf(records);
        }

        public List<String> lines() {
            SimpleFormatter formatter = new SimpleFormatter();
            return records.stream().map(formatter::formatMessage).toList();
        }
    }
}
