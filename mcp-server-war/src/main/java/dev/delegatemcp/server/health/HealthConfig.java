package dev.delegatemcp.server.health;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.delegatemcp.server.ConfigChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The readiness check of the services this server depends on, keys {@code mcp.health.*}. Durations are ISO-8601. */
@Dependent
public class HealthConfig {

    static final String CACHE_TTL = "mcp.health.cache-ttl";
    static final String TIMEOUT = "mcp.health.timeout";
    static final String CRITICAL = "mcp.health.critical";

    /**
     * {@code mcp.health.cache-ttl}: how long one look at the dependencies answers every readiness request (positive):
     * an orchestrator, a load balancer and a dashboard may each ask every second.
     */
    @Inject
    @ConfigProperty(name = CACHE_TTL, defaultValue = "PT5S")
    Duration cacheTtl;

    /** {@code mcp.health.timeout}: how long one dependency may take to answer before it counts as down (positive). */
    @Inject
    @ConfigProperty(name = TIMEOUT, defaultValue = "PT2S")
    Duration timeout;

    /**
     * {@code mcp.health.critical}: the kinds of dependency whose failure makes the server not ready (comma separated:
     * {@code issuer}, {@code sts}, {@code vault}, {@code remote-mcp}); the others are still looked at and reported,
     * but do not take the server out of rotation. {@code none} for no kind.
     */
    @Inject
    @ConfigProperty(name = CRITICAL, defaultValue = "issuer,sts,vault,remote-mcp")
    List<String> critical;

    public Duration cacheTtl() {
        return cacheTtl;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Whether a failure of this kind makes the server not ready. */
    public boolean isCritical(Dependency.Kind kind) {
        return critical.stream().anyMatch(name -> name.trim().equalsIgnoreCase(kind.configName()));
    }

    /** At start-up: stops the application, naming the key, when a value is out of range or a kind is unknown. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        checks().orFail();
    }

    ConfigChecks checks() {
        ConfigChecks checks = new ConfigChecks().positive(CACHE_TTL, cacheTtl).positive(TIMEOUT, timeout);
        for (String name : critical) {
            String kind = name.trim().toLowerCase(Locale.ROOT);
            if (!kind.equals("none") && Dependency.Kind.ofConfigName(kind).isEmpty()) {
                checks.problem(CRITICAL + " lists '" + name.trim()
                        + "': the kinds are issuer, sts, vault, remote-mcp (or none)");
            }
        }
        return checks;
    }
}
