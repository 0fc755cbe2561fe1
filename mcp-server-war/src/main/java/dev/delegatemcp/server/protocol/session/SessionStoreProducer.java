package dev.delegatemcp.server.protocol.session;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the application's one {@link SessionStore}, bounded by MP Config. */
@ApplicationScoped
public class SessionStoreProducer {

    @Produces
    @ApplicationScoped
    SessionStore sessionStore(
            @ConfigProperty(name = "mcp.sessions.max", defaultValue = "10000") int maxSessions,
            @ConfigProperty(name = "mcp.sessions.max-per-subject", defaultValue = "100") int maxPerSubject,
            @ConfigProperty(name = "mcp.sessions.idle-timeout", defaultValue = "PT30M") String idleTimeout) {
        return new InMemorySessionStore(maxSessions, maxPerSubject, Duration.parse(idleTimeout), Clock.systemUTC());
    }
}
