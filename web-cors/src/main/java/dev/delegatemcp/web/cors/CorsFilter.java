package dev.delegatemcp.web.cors;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * CORS for browser-based clients, following the CORS protocol of the Fetch standard (section 3.2), for the origins
 * of {@link OriginAllowList}. Declared in a web module's web.xml with these init-params (comma-separated lists):
 * {@code allowed-methods} (required), {@code allowed-headers}, {@code exposed-headers}.
 *
 * <ul>
 * <li>A CORS-preflight request ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is
 * answered here and never reaches the application: from an allowed origin {@code 204} with
 * {@code Access-Control-Allow-Origin: <the origin>}, {@code Access-Control-Allow-Methods},
 * {@code Access-Control-Allow-Headers} and {@code Access-Control-Max-Age} (MP Config {@value #MAX_AGE_KEY}, an
 * ISO-8601 duration, default {@code PT10M}); from any other origin {@code 403} without CORS headers, so the browser
 * does not send the real request. Any other {@code OPTIONS} is {@code 204} with {@code Allow}.</li>
 * <li>Any other request from an allowed origin gets {@code Access-Control-Allow-Origin: <the origin>} and
 * {@code Access-Control-Expose-Headers}, whatever the status (a browser client must read {@code WWW-Authenticate} on
 * a 401 to find the Protected Resource Metadata, MCP 2025-11-25 Authorization section "Authorization Server
 * Discovery"). A request from a foreign origin passes on without CORS headers: the application answers it 403
 * (MCP 2025-11-25 transport, "Security Warning") and the browser does not let the page read the answer.</li>
 * <li>Every response carries {@code Vary: Origin}. No {@code Access-Control-Allow-Credentials}: clients send their
 * bearer token in {@code Authorization}, never cookies, so credentialed CORS is not needed; and the allowed origin
 * is always echoed, never {@code *}.</li>
 * </ul>
 *
 * <p>Why not Liberty's {@code <cors>} element in server.xml: its {@code allowedOrigins} is a fixed list of exact
 * origins in server configuration, without the {@code :*} port wildcard of {@code mcp.transport.allowed-origins},
 * and it would be a second list next to the MP Config one that the Origin check (DNS-rebinding protection) uses.
 * Here both read the same {@link OriginAllowList}.
 *
 * <p>In the MCP web module, preflights reach this filter only because web.xml leaves {@code OPTIONS} out of the
 * security constraint; every other method still needs a token before any filter runs. A 401 is written by the
 * error page, so the filter is mapped to that page for {@code ERROR} dispatches too.
 */
public class CorsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The MP Config key of the preflight cache time. */
    public static final String MAX_AGE_KEY = "mcp.transport.cors-max-age";

    private static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

    private transient OriginAllowList origins;
    private String allowedMethods;
    private String allowedHeaders;
    private String exposedHeaders;
    private String maxAgeSeconds;

    @Override
    public void init() throws ServletException {
        allowedMethods = param("allowed-methods");
        if (allowedMethods == null) {
            throw new ServletException(
                    "CorsFilter " + getFilterName() + ": the init-param allowed-methods is required");
        }
        allowedHeaders = param("allowed-headers");
        exposedHeaders = param("exposed-headers");
        var config = ConfigProvider.getConfig();
        origins = OriginAllowList.from(config);
        Duration maxAge;
        try {
            maxAge = config.getOptionalValue(MAX_AGE_KEY, Duration.class).orElse(DEFAULT_MAX_AGE);
        } catch (IllegalArgumentException e) {
            // Typed like every other setting: a malformed value stops the application, naming the key.
            throw new ServletException(MAX_AGE_KEY + " must be an ISO-8601 duration such as PT10M");
        }
        maxAgeSeconds = Long.toString(Math.max(0, maxAge.toSeconds()));
    }

    private String param(String name) {
        String value = getInitParameter(name);
        return value == null || value.isBlank() ? null : String.join(", ", value.trim().split("\\s*,\\s*"));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        boolean allowed = origin != null && origins.allows(origin);
        if (!response.getHeaders("Vary").contains("Origin")) { // once, also where the filter runs twice in a chain
            response.addHeader("Vary", "Origin");
        }
        if ("OPTIONS".equals(request.getMethod()) && request.getDispatcherType() == DispatcherType.REQUEST) {
            if (origin != null && request.getHeader("Access-Control-Request-Method") != null) {
                preflight(allowed, origin, response);
            } else {
                if (allowed) {
                    actualResponseHeaders(origin, response);
                }
                response.setHeader("Allow", allowedMethods);
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
            return;
        }
        if (allowed) {
            actualResponseHeaders(origin, response);
        }
        chain.doFilter(request, response);
    }

    private void preflight(boolean allowed, String origin, HttpServletResponse response) {
        if (!allowed) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Allow-Methods", allowedMethods);
        if (allowedHeaders != null) {
            response.setHeader("Access-Control-Allow-Headers", allowedHeaders);
        }
        response.setHeader("Access-Control-Max-Age", maxAgeSeconds);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private void actualResponseHeaders(String origin, HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", origin);
        if (exposedHeaders != null) {
            response.setHeader("Access-Control-Expose-Headers", exposedHeaders);
        }
    }
}
