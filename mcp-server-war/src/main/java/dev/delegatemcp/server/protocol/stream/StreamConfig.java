package dev.delegatemcp.server.protocol.stream;

import java.time.Duration;

import dev.delegatemcp.server.ConfigChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of event streams and of requests to the client ({@code mcp.streams.*}, {@code mcp.interaction.*}). */
@Dependent
public class StreamConfig {

    /** {@code mcp.streams.max-per-session}: GET streams one session may hold open at once (at least 1). */
    @Inject
    @ConfigProperty(name = "mcp.streams.max-per-session", defaultValue = "4")
    int maxPerSession;

    /** {@code mcp.streams.max-per-subject}: GET streams one subject may hold open over all its sessions. */
    @Inject
    @ConfigProperty(name = "mcp.streams.max-per-subject", defaultValue = "16")
    int maxPerSubject;

    /** {@code mcp.streams.replay-events}: events each stream keeps for resumption with Last-Event-ID (at least 1). */
    @Inject
    @ConfigProperty(name = "mcp.streams.replay-events", defaultValue = "100")
    int replayEvents;

    /**
     * {@code mcp.streams.resumable-streams}: streams of one session that can still be resumed, the open ones
     * included (at least 1); the least recently used ended stream is forgotten first.
     */
    @Inject
    @ConfigProperty(name = "mcp.streams.resumable-streams", defaultValue = "32")
    int resumableStreams;

    /**
     * {@code mcp.streams.retry}: the SSE {@code retry} the server sends before it closes a connection whose stream
     * goes on, so that the client waits this long before it reconnects (an ISO-8601 duration).
     */
    @Inject
    @ConfigProperty(name = "mcp.streams.retry", defaultValue = "PT1S")
    Duration retry;

    /** {@code mcp.streams.pending-notifications}: notifications kept for a session with no GET stream open. */
    @Inject
    @ConfigProperty(name = "mcp.streams.pending-notifications", defaultValue = "100")
    int pendingNotifications;

    /**
     * {@code mcp.interaction.timeout}: how long a method waits for the client's answer to a sampling, elicitation or
     * roots request before it gets a timeout (an ISO-8601 duration).
     */
    @Inject
    @ConfigProperty(name = "mcp.interaction.timeout", defaultValue = "PT5M")
    Duration interactionTimeout;

    /**
     * {@code mcp.interaction.max-pending-per-session}: requests to the client one session may have waiting at once
     * (at least 1); one more fails at once.
     */
    @Inject
    @ConfigProperty(name = "mcp.interaction.max-pending-per-session", defaultValue = "16")
    int maxPendingPerSession;

    /** For MicroProfile Config, which fills the fields. */
    public StreamConfig() {
    }

    /** Settings given directly, e.g. by a test. */
    public StreamConfig(int maxPerSession, int maxPerSubject, int replayEvents, int resumableStreams, Duration retry,
            int pendingNotifications, Duration interactionTimeout, int maxPendingPerSession) {
        this.maxPerSession = maxPerSession;
        this.maxPerSubject = maxPerSubject;
        this.replayEvents = replayEvents;
        this.resumableStreams = resumableStreams;
        this.retry = retry;
        this.pendingNotifications = pendingNotifications;
        this.interactionTimeout = interactionTimeout;
        this.maxPendingPerSession = maxPendingPerSession;
    }

    public int maxPerSession() {
        return maxPerSession;
    }

    public int maxPerSubject() {
        return maxPerSubject;
    }

    public int replayEvents() {
        return replayEvents;
    }

    public int resumableStreams() {
        return resumableStreams;
    }

    public Duration retry() {
        return retry;
    }

    public int pendingNotifications() {
        return pendingNotifications;
    }

    public Duration interactionTimeout() {
        return interactionTimeout;
    }

    public int maxPendingPerSession() {
        return maxPendingPerSession;
    }

    /** At start-up: stops the application, naming the key, when a value is out of range. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        new ConfigChecks().atLeastOne("mcp.streams.max-per-session", maxPerSession)
                .atLeastOne("mcp.streams.max-per-subject", maxPerSubject)
                .atLeastOne("mcp.streams.replay-events", replayEvents)
                .atLeastOne("mcp.streams.resumable-streams", resumableStreams)
                .positive("mcp.streams.retry", retry)
                .atLeastOne("mcp.streams.pending-notifications", pendingNotifications)
                .positive("mcp.interaction.timeout", interactionTimeout)
                .atLeastOne("mcp.interaction.max-pending-per-session", maxPendingPerSession).orFail();
    }
}
