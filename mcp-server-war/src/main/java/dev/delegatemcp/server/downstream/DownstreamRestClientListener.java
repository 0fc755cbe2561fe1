package dev.delegatemcp.server.downstream;

import java.util.function.IntSupplier;

import jakarta.ws.rs.Priorities;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Registers {@link DownstreamRestClientFilter} on each MicroProfile Rest Client whose interface declares
 * {@code @Downstream} (on the interface or on a method), at the authentication priority, and gives the client
 * {@code mcp.downstream.rest-client.max-connections} connections ({@link DownstreamRestClientConfig}); other clients
 * are left alone. Found by the Rest Client implementation through {@code META-INF/services} (MicroProfile Rest Client
 * 4.0, section "Rest Client SPI").
 * <p>
 * The connection pool is set through RESTEasy's own builder properties ({@code resteasy.connectionPoolSize},
 * {@code resteasy.maxPooledPerRoute}): MicroProfile Rest Client has no setting for it, and Liberty's RESTEasy gives
 * each client 50 connections, which made the 51st concurrent call of a slow downstream wait for a connection
 * (bench/peers/run, a downstream taking 200 ms, 64 concurrent calls: p99 406 ms, max 787 ms; with 256: 211 ms and
 * 215 ms, as with the JDK's HttpClient).
 */
public class DownstreamRestClientListener implements RestClientListener {

    private final IntSupplier maxConnections;

    /** For the Rest Client implementation: the pool size from MicroProfile Config. */
    public DownstreamRestClientListener() {
        this(() -> ConfigProvider.getConfig()
                .getOptionalValue(DownstreamRestClientConfig.MAX_CONNECTIONS, Integer.class)
                .orElse(DownstreamRestClientConfig.DEFAULT_MAX_CONNECTIONS));
    }

    DownstreamRestClientListener(IntSupplier maxConnections) {
        this.maxConnections = maxConnections;
    }

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        if (!DownstreamDeclarations.declaresTargets(serviceInterface)) {
            return;
        }
        builder.register(new DownstreamRestClientFilter(serviceInterface), Priorities.AUTHENTICATION);
        int connections = maxConnections.getAsInt();
        try {
            builder.property("resteasy.connectionPoolSize", connections);
            builder.property("resteasy.maxPooledPerRoute", connections);
        } catch (IllegalArgumentException | UnsupportedOperationException notResteasy) {
            // Another Rest Client implementation: it keeps its own pool.
        }
    }
}
