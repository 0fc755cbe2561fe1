package dev.delegatemcp.server.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness (MicroProfile Health 4.0, {@code /health/ready}): DOWN while a critical dependency ({@link Dependencies},
 * {@code mcp.health.critical}) does not answer. Its response, named {@code dependencies}, has one data entry per
 * dependency: {@code UP} or {@code DOWN: <reason>}, each with the service's scheme, host and port, and
 * {@code (not critical)} for one whose failure does not count. Liveness does not depend on it.
 * <p>
 * Cheap to ask often: one look at all dependencies, in parallel and each within {@code mcp.health.timeout}, answers
 * every request for {@code mcp.health.cache-ttl}; requests that come while a look is under way wait for it rather
 * than start another (Caffeine's loading cache).
 */
@Readiness
@ApplicationScoped
public class DependenciesReadinessCheck implements HealthCheck {

    static final String NAME = "dependencies";

    @Inject
    HealthConfig config;

    @Inject
    Dependencies dependencies;

    private DependencyProbe probe;
    private LoadingCache<Boolean, HealthCheckResponse> lastLook;

    @PostConstruct
    void init() {
        probe = new DependencyProbe(config.timeout());
        lastLook = Caffeine.newBuilder().expireAfterWrite(config.cacheTtl()).executor(Runnable::run)
                .build(key -> lookNow());
    }

    @Override
    public HealthCheckResponse call() {
        return lastLook.get(Boolean.TRUE);
    }

    private HealthCheckResponse lookNow() {
        List<Dependency> all = dependencies.all();
        List<CompletableFuture<DependencyProbe.Result>> looks = all.stream().map(probe::probe).toList();
        boolean ready = true;
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Dependency dependency = all.get(i);
            DependencyProbe.Result result = looks.get(i).join();
            boolean critical = config.isCritical(dependency.kind());
            ready &= result.up() || !critical;
            data.put(dependency.name(), (result.up() ? "UP" : "DOWN: " + result.reason()) + " ("
                    + dependency.location() + (critical ? "" : ", not critical") + ")");
        }
        return new HealthCheckResponse(NAME, ready ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }
}
