package dev.delegatemcp.server.transport.http;

import java.util.List;

import dev.delegatemcp.web.cors.OriginAllowList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * DNS-rebinding protection: a request that carries an {@code Origin} header must come from an allowed origin.
 * Requests without {@code Origin} (non-browser clients) pass. The list and its matching are {@link OriginAllowList}'s
 * (MP Config {@code mcp.transport.allowed-origins}), shared with the CORS filter of both web modules.
 */
@ApplicationScoped
public class OriginPolicy {

    private final OriginAllowList allowList;

    @Inject
    public OriginPolicy(TransportConfig config) {
        this.allowList = new OriginAllowList(config.allowedOrigins());
    }

    /** For CDI proxies only. */
    protected OriginPolicy() {
        this.allowList = new OriginAllowList(List.of());
    }

    public boolean allows(String origin) {
        return allowList.allows(origin);
    }
}
