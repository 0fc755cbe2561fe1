package dev.delegatemcp.server.transport;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * DNS-rebinding protection: a request that carries an {@code Origin} header must come from an allowed origin.
 * Requests without {@code Origin} (non-browser clients) pass. Entries of {@code mcp.transport.allowed-origins} are
 * exact origins ({@code https://app.example.com}) or an origin with any port ({@code http://localhost:*}).
 */
@ApplicationScoped
public class OriginPolicy {

    private final List<String> allowedOrigins;

    @Inject
    public OriginPolicy(@ConfigProperty(name = "mcp.transport.allowed-origins",
            defaultValue = "http://localhost:*,http://127.0.0.1:*,http://[::1]:*") List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(String::trim).map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    /** For CDI proxies only. */
    protected OriginPolicy() {
        this.allowedOrigins = List.of();
    }

    public boolean allows(String origin) {
        if (origin == null) {
            return true;
        }
        String candidate = origin.trim().toLowerCase(Locale.ROOT);
        for (String allowed : allowedOrigins) {
            if (allowed.equals(candidate)) {
                return true;
            }
            if (allowed.endsWith(":*")) {
                String prefix = allowed.substring(0, allowed.length() - 1);
                String hostPart = allowed.substring(0, allowed.length() - 2);
                if (candidate.equals(hostPart)
                        || candidate.startsWith(prefix) && candidate.substring(prefix.length()).matches("[0-9]{1,5}")) {
                    return true;
                }
            }
        }
        return false;
    }
}
