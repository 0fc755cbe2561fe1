package dev.delegatemcp.server.security;

import dev.delegatemcp.api.McpCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Makes the request's {@link McpCaller} from the token Liberty's MP-JWT validated. */
@ApplicationScoped
public class CallerProducer {

    @Inject
    SecurityConfig config;

    @Produces
    @RequestScoped
    McpCaller caller(JsonWebToken jwt) {
        if (jwt == null || jwt.getSubject() == null) {
            throw new IllegalStateException("No authenticated MCP caller in this request");
        }
        return JwtCaller.from(jwt, config.tenantClaim());
    }
}
