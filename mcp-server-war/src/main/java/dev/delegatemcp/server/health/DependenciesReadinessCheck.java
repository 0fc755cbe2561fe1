package dev.delegatemcp.server.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.delegatemcp.server.ServerMessages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness (MicroProfile Health 4.0, {@code /health/ready}): DOWN while a critical dependency ({@link Dependencies},
 * {@code mcp.health.critical}) does not answer. Its response, named {@code dependencies}, has one data entry per
 * dependency: {@code UP}, or {@code DOWN: <reason>}, with {@code (not critical)} for one whose failure does not count.
 * No host, URL or path: Liberty serves {@code /health} to anyone who reaches the port. Each change between up and
 * down is logged once per dependency (DMCPS0013W, DMCPS0014I, with scheme, host and port). Liveness does not
 * depend on it.
 * <p>
 * Cheap to ask often, and never slow: one look at all dependencies, in parallel, each within
 * {@code mcp.health.timeout} (cancelled at twice that), answers every request for {@code mcp.health.cache-ttl}; a
 * request after that still gets the last answer at once while a new look runs in the background (Caffeine's
 * refresh), unless that answer is older than the TTL plus twice the time limit: then it waits for the new look. So no
 * answer is older than that, and only the first request, or one after a long quiet time, waits.
 */
@Readiness
@ApplicationScoped
public class DependenciesReadinessCheck implements HealthCheck {

    static final String NAME = "dependencies";
    private static final Logger LOG = Logger.getLogger(DependenciesReadinessCheck.class.getName());

    @Inject
    HealthConfig config;

    @Inject
    Dependencies dependencies;

    private DependencyProbe probe;
    private LoadingCache<Boolean, HealthCheckResponse> lastLook;
    /** Whether each dependency was up at the last look, to log changes only. */
    private final Map<String, Boolean> wasUp = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        probe = new DependencyProbe(config.timeout());
        // Refreshed in the background once older than the TTL; expired (the next request waits for a new look) once
        // older than the TTL plus a whole look, so that no answer is older than that, however seldom asked.
        lastLook = Caffeine.newBuilder().refreshAfterWrite(config.cacheTtl())
                .expireAfterWrite(config.cacheTtl().plus(config.timeout().multipliedBy(2))).build(key -> lookNow());
    }

    @Override
    public HealthCheckResponse call() {
        return lastLook.get(Boolean.TRUE);
    }

    private HealthCheckResponse lookNow() {
        List<Dependency> all;
        try {
            all = dependencies.all();
        } catch (RuntimeException e) { // the deployment checks refuse such a configuration; stay safe anyway
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN, Optional.of(Map.of("configuration",
                    "DOWN: the dependencies cannot be read from it (" + e.getClass().getSimpleName() + ")")));
        }
        List<CompletableFuture<DependencyProbe.Result>> looks = all.stream().map(probe::probe).toList();
        boolean ready = true;
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Dependency dependency = all.get(i);
            DependencyProbe.Result result = looks.get(i).join();
            boolean critical = config.isCritical(dependency.kind());
            ready &= result.up() || !critical;
            data.put(dependency.name(), (result.up() ? "UP" : "DOWN: " + result.reason())
                    + (critical ? "" : " (not critical)"));
            logChange(dependency, result);
        }
        return new HealthCheckResponse(NAME, ready ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }

    private void logChange(Dependency dependency, DependencyProbe.Result result) {
        Boolean before = wasUp.put(dependency.name(), result.up());
        if (!result.up() && !Boolean.FALSE.equals(before)) {
            ServerMessages.DEPENDENCY_DOWN.log(LOG, dependency.name(), dependency.location(), result.reason());
        } else if (result.up() && Boolean.FALSE.equals(before)) {
            ServerMessages.DEPENDENCY_UP.log(LOG, dependency.name(), dependency.location());
        }
    }
}
