package dev.delegatemcp.server.protocol.session;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the application's one {@link SessionStore}, bounded by {@link SessionConfig}. */
@ApplicationScoped
public class SessionStoreProducer {

    @Produces
    @ApplicationScoped
    SessionStore sessionStore(SessionConfig config) {
        return new InMemorySessionStore(config.max(), config.maxPerSubject(), config.idleTimeout(), Clock.systemUTC());
    }
}
