package dev.delegatemcp.server.downstream;

import jakarta.ws.rs.Priorities;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Registers {@link DownstreamRestClientFilter} on each MicroProfile Rest Client whose interface declares
 * {@code @Downstream} (on the interface or on a method), at the authentication priority; other clients are left
 * alone. Found by the Rest Client implementation through {@code META-INF/services} (MicroProfile Rest Client 4.0,
 * section "Rest Client SPI").
 */
public class DownstreamRestClientListener implements RestClientListener {

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        if (DownstreamDeclarations.declaresTargets(serviceInterface)) {
            builder.register(new DownstreamRestClientFilter(serviceInterface), Priorities.AUTHENTICATION);
        }
    }
}
