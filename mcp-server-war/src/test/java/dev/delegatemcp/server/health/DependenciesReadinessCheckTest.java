package dev.delegatemcp.server.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DependenciesReadinessCheckTest {

    private HttpServer server;
    private final AtomicInteger looks = new AtomicInteger();
    private volatile int stsStatus = 405;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> {
            looks.incrementAndGet();
            exchange.sendResponseHeaders(stsStatus, -1);
            exchange.close();
        });
        server.createContext("/mcp", exchange -> {
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private DependenciesReadinessCheck check(String ttl, List<String> critical) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        DependenciesReadinessCheck check = new DependenciesReadinessCheck();
        check.config = new HealthConfig();
        check.config.cacheTtl = Duration.parse(ttl);
        check.config.timeout = Duration.ofSeconds(2);
        check.config.critical = critical;
        check.dependencies = new Dependencies() {
            @Override
            public List<Dependency> all() {
                return List.of(new Dependency(Dependency.Kind.STS, "sts", URI.create(base + "/token")),
                        new Dependency(Dependency.Kind.REMOTE_MCP, "remote-mcp notes", URI.create(base + "/mcp")));
            }
        };
        check.init();
        return check;
    }

    @Test
    void aDownDependencyThatIsNotCriticalIsReportedButTheServerStaysReady() {
        HealthCheckResponse response = check("PT5S", List.of("sts")).call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("DOWN: answered HTTP 502 (not critical)",
                response.getData().orElseThrow().get("remote-mcp notes"));
        assertEquals("UP", response.getData().orElseThrow().get("sts"));
        assertFalse(response.getData().orElseThrow().toString().contains("127.0.0.1"),
                "no host for whoever reaches /health");
    }

    @Test
    void aDownCriticalDependencyMakesTheServerNotReady() {
        HealthCheckResponse response = check("PT5S", List.of("sts", "remote-mcp")).call();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("dependencies", response.getName());
    }

    @Test
    void oneLookAnswersEveryRequestWithinTheCacheTtlAndANewLookFollowsItWithoutMakingAnyoneWait()
            throws InterruptedException {
        DependenciesReadinessCheck check = check("PT0.5S", List.of("sts"));
        for (int i = 0; i < 20; i++) {
            assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());
        }
        assertEquals(1, looks.get(), "twenty requests within the TTL, one look");
        stsStatus = 503;
        Thread.sleep(700);
        assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus(),
                "past the TTL the last answer comes at once, while a new look runs");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (check.call().getStatus() == HealthCheckResponse.Status.UP && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(HealthCheckResponse.Status.DOWN, check.call().getStatus(), "the STS failed: seen by that look");
        assertEquals(2, looks.get());
    }

    @Test
    void afterAQuietTimeLongerThanTheTtlPlusTwoTimeLimitsARequestWaitsForANewLookInsteadOfAnOldAnswer()
            throws InterruptedException {
        DependenciesReadinessCheck check = check("PT0.2S", List.of("sts"));
        assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());
        stsStatus = 503;
        Thread.sleep(4_500); // past 0.2 s + 2 x 2 s
        assertEquals(HealthCheckResponse.Status.DOWN, check.call().getStatus(), "no answer older than that");
    }

    @Test
    void anUnknownKindInTheCriticalListStopsTheApplicationNamingTheKey() {
        HealthConfig config = new HealthConfig();
        config.cacheTtl = Duration.ofSeconds(5);
        config.timeout = Duration.ofSeconds(2);
        config.critical = List.of("issuer", "stss");
        assertEquals(
                List.of("mcp.health.critical lists 'stss': the kinds are issuer, sts, vault, remote-mcp (or none)"),
                config.checks().problems());
        config.critical = List.of("none");
        assertEquals(List.of(), config.checks().problems());
        config.timeout = Duration.ZERO;
        assertEquals(1, config.checks().problems().size());
    }
}
