package dev.delegatemcp.server.downstream;

import java.time.Duration;

import dev.delegatemcp.server.ConfigChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How a call waits for the user to connect a service during the call ({@code mcp.connect.*}). */
@Dependent
public class ConnectConfig {

    /**
     * {@code mcp.connect.in-call}: when a user has not connected a service a tool needs and the client handles URL
     * elicitation, send the connect URL inside the call and finish the call once connected (true), or end the call
     * with the -32042 answer at once (false).
     */
    @Inject
    @ConfigProperty(name = "mcp.connect.in-call", defaultValue = "true")
    boolean inCall;

    /** {@code mcp.connect.wait}: how long a call waits for the connection after the user agreed to connect. */
    @Inject
    @ConfigProperty(name = "mcp.connect.wait", defaultValue = "PT5M")
    Duration wait;

    /** {@code mcp.connect.poll-interval}: how often the vault is asked whether the connection exists meanwhile. */
    @Inject
    @ConfigProperty(name = "mcp.connect.poll-interval", defaultValue = "PT2S")
    Duration pollInterval;

    /** For MicroProfile Config, which fills the fields. */
    public ConnectConfig() {
    }

    /** Settings given directly, e.g. by a test. */
    public ConnectConfig(boolean inCall, Duration wait, Duration pollInterval) {
        this.inCall = inCall;
        this.wait = wait;
        this.pollInterval = pollInterval;
    }

    public boolean inCall() {
        return inCall;
    }

    public Duration waitLimit() {
        return wait;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    /** At start-up: stops the application, naming the key, when a value is out of range. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        new ConfigChecks().positive("mcp.connect.wait", wait).positive("mcp.connect.poll-interval", pollInterval)
                .orFail();
    }
}
