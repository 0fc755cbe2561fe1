package dev.delegatemcp.server.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.api.Downstream;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Priorities;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.Test;

class DownstreamRestClientListenerTest {

    @Downstream(resource = "calendar")
    interface CalendarApi {
        @GET
        String events();
    }

    interface Plain {
        @GET
        String events();
    }

    /** A builder that remembers what was registered and which properties were set. */
    private final List<Object[]> registered = new ArrayList<>();
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final RestClientBuilder builder = (RestClientBuilder) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {RestClientBuilder.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "register" -> registered.add(args);
                    case "property" -> properties.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                }
                return proxy;
            });

    @Test
    void aDownstreamClientGetsTheCredentialFilterAtAuthenticationPriorityAndTheConfiguredConnections() {
        new DownstreamRestClientListener(() -> 300).onNewClient(CalendarApi.class, builder);
        assertEquals(1, registered.size());
        assertTrue(registered.get(0)[0] instanceof DownstreamRestClientFilter);
        assertEquals(Priorities.AUTHENTICATION, registered.get(0)[1]);
        assertEquals(Map.of("resteasy.connectionPoolSize", 300, "resteasy.maxPooledPerRoute", 300), properties);
    }

    @Test
    void anyOtherClientIsLeftAlone() {
        new DownstreamRestClientListener(() -> 300).onNewClient(Plain.class, builder);
        assertTrue(registered.isEmpty());
        assertTrue(properties.isEmpty());
    }
}
