package dev.delegatemcp.samples.connections;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The vault API and the remote MCP servers take bearer tokens that are not JWTs (a management key, vault tokens).
 * Liberty's MP-JWT, enabled in this application for the connect endpoint, still tries such a token on these
 * unprotected paths and, failing, leaves {@code WWW-Authenticate: Bearer realm="MP-JWT", error="invalid_token"} on
 * the response, even on a 200. This filter removes that stray challenge; the endpoints set their own on a 401.
 */
@WebFilter(urlPatterns = {"/v1/*", "/mcp/*"})
public class StrayJwtChallengeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response.containsHeader("WWW-Authenticate")) {
            response.setHeader("WWW-Authenticate", null);
        }
        chain.doFilter(request, response);
    }
}
