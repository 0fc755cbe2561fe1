package dev.delegatemcp.sts;

import java.util.logging.Logger;

import dev.delegatemcp.api.DownstreamAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * Emits each {@link DownstreamAudit} record twice: as one JSON line on the {@code dev.delegatemcp.audit} logger,
 * and as a CDI event applications can observe.
 */
@ApplicationScoped
public class ExchangeAuditor {

    static final Logger AUDIT_LOG = Logger.getLogger("dev.delegatemcp.audit");

    @Inject
    Event<DownstreamAudit> events;

    public void record(DownstreamAudit audit) {
        AUDIT_LOG.info(() -> toJson(audit));
        events.fire(audit);
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
