package dev.delegatemcp.server.protocol.roundtrip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.delegatemcp.server.ConfigChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How {@code requestState} is sealed, keys {@code mcp.request-state.*} (MCP 2026-07-28, Multi Round-Trip Requests,
 * Server Requirements). The secrets come from the environment and are never logged nor shown, {@link #toString()}
 * included.
 */
@Dependent
public class RequestStateConfig {

    /** The shortest secret accepted, in characters. */
    public static final int MIN_SECRET_LENGTH = 32;

    /**
     * {@code mcp.request-state.secret}: the secret every server instance seals and opens state with, from the
     * environment ({@code MCP_REQUEST_STATE_SECRET}), at least {@value #MIN_SECRET_LENGTH} characters. Unset: a random
     * key per start, so that only this instance, until it stops, accepts the state it issued.
     */
    @Inject
    @ConfigProperty(name = "mcp.request-state.secret")
    Optional<String> secret;

    /**
     * {@code mcp.request-state.previous-secret}: the secret before the current one, from the environment
     * ({@code MCP_REQUEST_STATE_PREVIOUS_SECRET}); opens state only, so that a rotation refuses no retry in flight.
     */
    @Inject
    @ConfigProperty(name = "mcp.request-state.previous-secret")
    Optional<String> previousSecret;

    /** {@code mcp.request-state.ttl}: how long issued state is accepted (a positive ISO-8601 duration). */
    @Inject
    @ConfigProperty(name = "mcp.request-state.ttl", defaultValue = "PT10M")
    Duration ttl;

    /** For MicroProfile Config, which fills the fields. */
    public RequestStateConfig() {
    }

    /** Settings given directly, e.g. by a test. */
    public RequestStateConfig(Optional<String> secret, Optional<String> previousSecret, Duration ttl) {
        this.secret = secret;
        this.previousSecret = previousSecret;
        this.ttl = ttl;
    }

    /** The secret, trimmed; empty when not set (or blank). */
    public Optional<String> secret() {
        return trimmed(secret);
    }

    /** The previous secret, trimmed; empty when not set (or blank). */
    public Optional<String> previousSecret() {
        return trimmed(previousSecret);
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * At start-up: stops the application, naming the key (never the value), when a secret is shorter than
     * {@value #MIN_SECRET_LENGTH} characters or the time to live is not positive.
     */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        List<String> problems = new ArrayList<>(new ConfigChecks().positive("mcp.request-state.ttl", ttl).problems());
        tooShort("mcp.request-state.secret", "MCP_REQUEST_STATE_SECRET", secret()).ifPresent(problems::add);
        tooShort("mcp.request-state.previous-secret", "MCP_REQUEST_STATE_PREVIOUS_SECRET", previousSecret())
                .ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Configuration: " + String.join("; ", problems));
        }
    }

    /** The problem with a secret shorter than the minimum, naming its key and variable and never its value. */
    static Optional<String> tooShort(String key, String variable, Optional<String> secret) {
        return secret.filter(value -> value.length() < MIN_SECRET_LENGTH).map(value -> key + " (" + variable
                + ") must be at least " + MIN_SECRET_LENGTH + " characters long; the value is not shown");
    }

    private static Optional<String> trimmed(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::trim).filter(text -> !text.isEmpty());
    }

    @Override
    public String toString() {
        return "RequestStateConfig[secret=" + (secret().isPresent() ? "***" : "(none)") + ", previousSecret="
                + (previousSecret().isPresent() ? "***" : "(none)") + ", ttl=" + ttl + "]";
    }
}
