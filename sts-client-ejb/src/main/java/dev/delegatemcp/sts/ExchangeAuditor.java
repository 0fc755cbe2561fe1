package dev.delegatemcp.sts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.delegatemcp.api.DownstreamAudit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * Emits each {@link DownstreamAudit} record twice: as a CDI event applications can observe (at once, on the
 * caller's thread), and as one JSON line on the {@code dev.delegatemcp.audit} logger. The line is written by one
 * background writer, in order: writing it on every tool call's own thread made the log the bottleneck under load.
 * Nothing is dropped: when the queue is full the caller writes its line itself.
 */
@ApplicationScoped
public class ExchangeAuditor {

    static final Logger AUDIT_LOG = Logger.getLogger("dev.delegatemcp.audit");
    private static final int QUEUE_CAPACITY = 10_000;

    @Inject
    Event<DownstreamAudit> events;

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private Thread writer;

    @PostConstruct
    void startWriter() {
        writer = new Thread(this::writeLines, "delegatemcp-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @PreDestroy
    void stopWriter() {
        writer.interrupt();
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        rest.forEach(AUDIT_LOG::info);
    }

    public void record(DownstreamAudit audit) {
        events.fire(audit);
        if (AUDIT_LOG.isLoggable(Level.INFO)) {
            String line = toJson(audit);
            if (writer == null || !lines.offer(line)) {
                AUDIT_LOG.info(line);
            }
        }
    }

    private void writeLines() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                AUDIT_LOG.info(lines.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String toJson(DownstreamAudit audit) {
        JsonArrayBuilder scopes = Json.createArrayBuilder();
        audit.scopes().forEach(scopes::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", "downstream_credential")
                .add("time", audit.time().toString());
        addNullable(json, "user", audit.subject());
        addNullable(json, "tenant", audit.tenant());
        addNullable(json, "mcp_client", audit.mcpClient());
        addNullable(json, "server_client_id", audit.serverClientId());
        json.add("target", audit.target()).add("level", audit.level()).add("scopes", scopes)
                .add("outcome", audit.outcome().name().toLowerCase());
        addNullable(json, "sts_error", audit.stsError());
        return json.add("cache_hit", audit.cacheHit()).add("duration_ms", audit.durationMillis()).build().toString();
    }

    private static void addNullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
