package dev.delegatemcp.server.transport.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands the MCP endpoint an {@link UpgradableResponse} for each POST, so that the response can become an event stream
 * while the request runs (see {@link ServletEventConnection}), and gives each GET (the session's event stream) the
 * headers that keep caches and proxies from holding back its events.
 */
public class EventStreamResponseFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The request attribute holding the {@link UpgradableResponse}. */
    static final String ATTRIBUTE = UpgradableResponse.class.getName();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("GET".equals(request.getMethod())) {
            // A GET is answered with the session's event stream (or a refusal, for which these do no harm). JAX-RS
            // writes the stream without them; a POST's stream gets them in UpgradableResponse.upgrade. MCP
            // 2026-07-28, Streamable HTTP: "servers SHOULD include X-Accel-Buffering: no"; no-cache keeps caches
            // from holding events.
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Accel-Buffering", "no");
        }
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        UpgradableResponse upgradable = new UpgradableResponse(request, response);
        // JAX-RS injects a proxy of the response, never this object: the endpoint finds it, and through it this
        // request, as a request attribute.
        request.setAttribute(ATTRIBUTE, upgradable);
        chain.doFilter(request, upgradable);
    }
}
