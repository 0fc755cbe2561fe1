package dev.delegatemcp.server.transport.http;

import java.time.Duration;
import java.util.List;

import dev.delegatemcp.server.ConfigChecks;
import dev.delegatemcp.web.cors.OriginAllowList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The HTTP transport's settings, keys {@code mcp.transport.*}. */
@Dependent
public class TransportConfig {

    /** {@code mcp.transport.max-request-bytes}: the largest request body read, in bytes (at least 1; 4 MiB). */
    @Inject
    @ConfigProperty(name = "mcp.transport.max-request-bytes", defaultValue = "4194304")
    long maxRequestBytes;

    /**
     * {@code mcp.transport.allowed-origins}: origins a browser may call from (comma separated; {@link OriginAllowList}
     * says how they match; the key and its default are the CORS module's, shared with its filter).
     */
    @Inject
    @ConfigProperty(name = "mcp.transport.allowed-origins", defaultValue = OriginAllowList.DEFAULT)
    List<String> allowedOrigins;

    /**
     * {@code mcp.transport.max-request-threads}: at most this many MCP requests are served at once on threads of the
     * server's own ({@link RequestWorkers}), each held while its tool waits on a downstream; more run on Liberty's
     * request threads (at least 1; 256).
     */
    @Inject
    @ConfigProperty(name = "mcp.transport.max-request-threads", defaultValue = "256")
    int maxRequestThreads;

    /**
     * {@code mcp.transport.worker-threshold}: requests of a kind (a method, with the tool or prompt it names) whose
     * recent calls took this long or longer, and kinds not seen yet, are served on the server's own threads
     * ({@link RequestWorkers}); quicker kinds on the HTTP request's thread (positive; 5 ms).
     */
    @Inject
    @ConfigProperty(name = "mcp.transport.worker-threshold", defaultValue = "PT0.005S")
    Duration workerThreshold;

    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    public int maxRequestThreads() {
        return maxRequestThreads;
    }

    public Duration workerThreshold() {
        return workerThreshold;
    }

    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** At start-up: stops the application, naming the key, when a value is out of range. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        new ConfigChecks().atLeastOne("mcp.transport.max-request-bytes", maxRequestBytes)
                .positive("mcp.transport.worker-threshold", workerThreshold)
                .atLeastOne("mcp.transport.max-request-threads", maxRequestThreads).orFail();
    }
}
