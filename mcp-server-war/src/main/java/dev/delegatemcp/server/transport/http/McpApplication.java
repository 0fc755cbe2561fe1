package dev.delegatemcp.server.transport.http;

import java.util.Set;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application: the MCP endpoint lives at {@code <context root>/mcp}.
 * <p>
 * Its classes are listed here rather than found by scanning (Jakarta RESTful Web Services 3.1, section 2.3.2: an
 * application that returns any class or singleton is not scanned), so that the endpoint is registered as the one
 * instance it is: Liberty's JAX-RS (RESTEasy) treats a resource registered as a class, scanned or listed, as
 * per-request and asks CDI for the bean on every request (a bean resolution and a new reference, 3.4 us of about 100,
 * bench/peers, JFR, 2026-12-01), even for an application-scoped bean. Consequently a JAX-RS resource or provider added
 * to this web module (for instance in a tool author's jar laid over it) is not registered by this application: it
 * needs an {@code Application} subclass of its own, with its own {@code @ApplicationPath}, that lists its classes.
 * {@code McpApplicationTest} checks that every resource and provider of this module and of the project's jars it packs
 * is listed.
 */
@ApplicationPath("/")
public class McpApplication extends Application {

    /** The providers, created by JAX-RS (they are stateless or keep their own state). */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(RejectedRequestMapper.class, UnreadableHeadersFilter.class);
    }

    /**
     * The endpoint: CDI's application-scoped bean (its client proxy), looked up once when JAX-RS starts. Deprecated in
     * Jakarta RESTful Web Services 3.1 in favour of CDI, but still the one portable way to register an instance rather
     * than a class, which is the point here.
     */
    @Override
    @SuppressWarnings("deprecation")
    public Set<Object> getSingletons() {
        return Set.of(CDI.current().select(McpEndpoint.class).get());
    }
}
