package dev.delegatemcp.web.cors;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.config.Config;

/**
 * The browser origins this server answers, from MP Config {@value #CONFIG_KEY} (comma separated, default
 * {@value #DEFAULT}). An entry is an exact origin ({@code https://app.example.com}) or an origin with any port
 * ({@code http://localhost:*}); matching is case-insensitive. An origin is serialized as in RFC 6454 section 6.1
 * ({@code scheme://host[:port]}, no path), which is what browsers send in {@code Origin}.
 *
 * <p>One list serves two purposes: DNS-rebinding protection (MCP 2025-11-25, Streamable HTTP, "Security Warning": a
 * request whose {@code Origin} is not allowed is 403) and CORS (the Fetch standard's CORS protocol: only allowed
 * origins get {@code Access-Control-Allow-Origin}). Both web modules use this class, so the MCP endpoint and its
 * Protected Resource Metadata can never disagree about an origin.
 */
public final class OriginAllowList {

    /** The MP Config key of the list. */
    public static final String CONFIG_KEY = "mcp.transport.allowed-origins";

    /** The default: the loopback host names, any port. */
    public static final String DEFAULT = "http://localhost:*,http://127.0.0.1:*,http://[::1]:*";

    private final List<String> allowedOrigins;

    /** @param allowedOrigins entries as described above; blanks around entries are ignored */
    public OriginAllowList(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(String::trim).map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    /** The list configured in {@code config} under {@value #CONFIG_KEY}, else {@value #DEFAULT}. */
    public static OriginAllowList from(Config config) {
        return new OriginAllowList(config.getOptionalValues(CONFIG_KEY, String.class)
                .orElse(List.of(DEFAULT.split(","))));
    }

    /**
     * Whether a request with this {@code Origin} header may be served. A request without one ({@code null}: not sent
     * by a browser page, e.g. a CLI client) passes.
     */
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
                        || candidate.startsWith(prefix) && isPort(candidate.substring(prefix.length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A TCP port as an origin serializes it (RFC 6454 section 6.1): 1 to 65535, without leading zeros. */
    private static boolean isPort(String text) {
        return text.matches("[1-9][0-9]{0,4}") && Integer.parseInt(text) <= 65535;
    }
}
