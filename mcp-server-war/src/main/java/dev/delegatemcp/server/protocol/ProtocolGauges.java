package dev.delegatemcp.server.protocol;

import java.util.ArrayList;
import java.util.List;

import dev.delegatemcp.server.protocol.session.SessionStore;
import dev.delegatemcp.server.protocol.stream.ListenStreams;
import dev.delegatemcp.server.protocol.stream.SessionStreams;
import dev.delegatemcp.server.telemetry.McpTelemetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * The protocol's gauges, registered as the application starts and read at each metric export:
 * <ul>
 * <li>{@code delegatemcp.server.active_sessions} ({@code {session}}): the live sessions of MCP 2025-11-25 clients
 * (requests of MCP 2026-07-28 have none);</li>
 * <li>{@code delegatemcp.server.active_streams} ({@code {stream}}): the open server-to-client event streams that
 * outlast a request, each holding a thread: a session's GET streams and the {@code subscriptions/listen}
 * streams.</li>
 * </ul>
 */
@ApplicationScoped
public class ProtocolGauges {

    private final List<AutoCloseable> registered = new ArrayList<>();

    void register(@Observes @Initialized(ApplicationScoped.class) Object started, McpTelemetry telemetry,
            SessionStore sessions, SessionStreams sessionStreams, ListenStreams listenStreams) {
        if (!registered.isEmpty()) {
            return;
        }
        registered.add(telemetry.observe("delegatemcp.server.active_sessions", "{session}",
                "Live MCP sessions (MCP 2025-11-25 clients)", sessions::count));
        registered.add(telemetry.observe("delegatemcp.server.active_streams", "{stream}",
                "Open event streams that outlast a request: sessions' GET streams and subscriptions/listen streams",
                () -> (long) sessionStreams.listeningCount() + listenStreams.openStreams()));
    }

    /** The SDK outlives the application (Liberty's, one per server): its callbacks must not. */
    @PreDestroy
    void unregister() {
        for (AutoCloseable gauge : registered) {
            try {
                gauge.close();
            } catch (Exception e) {
                // the SDK's own close does not fail; one that did must not keep the others registered
            }
        }
        registered.clear();
    }
}
