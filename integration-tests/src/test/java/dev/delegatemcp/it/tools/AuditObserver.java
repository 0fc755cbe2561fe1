package dev.delegatemcp.it.tools;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.delegatemcp.api.DownstreamAudit;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** An application observing the audit events, as the README shows; a tool tells how many it saw for the caller. */
@ApplicationScoped
public class AuditObserver {

    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

    void onCredentialRequest(@Observes DownstreamAudit audit) {
        seen.computeIfAbsent(audit.subject() + "/" + audit.target() + "/" + audit.outcome(), k -> new AtomicInteger())
                .incrementAndGet();
    }

    @Tool(name = "audit_events_seen", description = "How many audit events the application observed for the caller")
    public String seen(McpCaller caller) {
        return seen.entrySet().stream().filter(e -> e.getKey().startsWith(caller.subject() + "/"))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().reduce((a, b) -> a + "," + b).orElse("");
    }
}
