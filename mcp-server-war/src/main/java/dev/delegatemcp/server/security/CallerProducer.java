package dev.delegatemcp.server.security;

import dev.delegatemcp.api.McpCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Makes the request's {@link McpCaller} from the token Liberty's MP-JWT validated. */
@ApplicationScoped
public class CallerProducer {

    @Inject
    SecurityConfig config;

    @Produces
    @RequestScoped
    McpCaller caller(InboundToken token) {
        return JwtCaller.from(token.current(), config.tenantClaim());
    }
}
