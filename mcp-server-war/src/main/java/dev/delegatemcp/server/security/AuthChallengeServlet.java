package dev.delegatemcp.server.security;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web.xml error page for 401. Liberty's MP-JWT rejects a missing or invalid token before the application runs
 * and sets a generic {@code WWW-Authenticate: Bearer realm="MP-JWT"}; this page replaces it with the challenge MCP
 * requires (resource_metadata and scope) and a JSON body without details.
 */
@WebServlet("/auth-challenge")
public class AuthChallengeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    BearerChallenge challenge;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String authorization = request.getHeader("Authorization");
        boolean tokenPresented = authorization != null && !authorization.isBlank();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", challenge.unauthorized(tokenPresented));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(tokenPresented
                ? "{\"error\":\"invalid_token\",\"error_description\":\"The access token is missing, expired, or not valid for this server\"}"
                : "{\"error\":\"unauthorized\",\"error_description\":\"A bearer access token is required\"}");
    }
}
