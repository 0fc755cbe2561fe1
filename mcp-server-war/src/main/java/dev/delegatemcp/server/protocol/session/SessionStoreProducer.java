package dev.delegatemcp.server.protocol.session;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the application's one {@link SessionStore}, bounded by {@link SessionConfig}. */
@ApplicationScoped
public class SessionStoreProducer {

    /**
     * A singleton, not an application-scoped bean: the store is an interface made by a producer, so Weld's client
     * proxy of it called its methods by reflection (JFR, bench/peers/run: 0.6 us of every session's request); the
     * pseudo-scope injects the instance itself. The store lives as long as the application either way. It is made
     * at start-up (a start-up observer injects it), possibly before {@link SessionConfig}'s own check: hence the
     * check here, which names the key of a value out of range.
     *
     * @throws IllegalStateException naming the key of a value out of range
     */
    @Produces
    @Singleton
    SessionStore sessionStore(SessionConfig config, Event<SessionEnded> ended) {
        config.requireValid();
        return new InMemorySessionStore(config.max(), config.maxPerSubject(), config.idleTimeout(), Clock.systemUTC(),
                session -> ended.fire(new SessionEnded(session.id(), session.owner())));
    }
}
