package dev.delegatemcp.server.protocol.session;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;

/** Makes the application's one {@link SessionStore}, bounded by {@link SessionConfig}. */
@ApplicationScoped
public class SessionStoreProducer {

    @Produces
    @ApplicationScoped
    SessionStore sessionStore(SessionConfig config, Event<SessionEnded> ended) {
        return new InMemorySessionStore(config.max(), config.maxPerSubject(), config.idleTimeout(), Clock.systemUTC(),
                session -> ended.fire(new SessionEnded(session.id(), session.owner())));
    }
}
