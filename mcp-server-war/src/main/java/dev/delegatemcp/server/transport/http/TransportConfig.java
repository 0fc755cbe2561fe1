package dev.delegatemcp.server.transport.http;

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

    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** At start-up: stops the application, naming the key, when a value is out of range. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        new ConfigChecks().atLeastOne("mcp.transport.max-request-bytes", maxRequestBytes).orFail();
    }
}
