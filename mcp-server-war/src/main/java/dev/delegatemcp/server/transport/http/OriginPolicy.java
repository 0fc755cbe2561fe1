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

    /**
     * Whether a request with these {@code Origin} header values passes: none, or exactly one that is allowed. More
     * than one is refused: a browser sends one (RFC 6454 section 7.3), and a second could hide a foreign origin
     * behind an allowed first.
     *
     * @param origins the values of each {@code Origin} header of the request, in order; empty when there is none
     */
    public boolean allows(List<String> origins) {
        return switch (origins.size()) {
            case 0 -> true;
            case 1 -> allowList.allows(origins.get(0));
            default -> false;
        };
    }
}
