package dev.delegatemcp.server.security;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import dev.delegatemcp.server.ServerMessages;
import dev.delegatemcp.server.telemetry.McpTelemetry;
import dev.delegatemcp.server.telemetry.TraceContexts;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The web.xml error page for 401. Liberty's MP-JWT rejects a missing or invalid token before the application runs
 * and sets a generic {@code WWW-Authenticate: Bearer realm="MP-JWT"}; this page replaces it with the challenge MCP
 * requires (resource_metadata and scope) and a JSON body without details, and logs one line saying why the token
 * was refused (Liberty's own message, which repeats the token, is hidden in server.xml).
 */
@WebServlet("/auth-challenge")
public class AuthChallengeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(AuthChallengeServlet.class.getName());
    static final String INVALID_TOKEN = "The access token is missing, expired, or not valid for this server";

    @Inject
    BearerChallenge challenge;

    /** Counts the refusals: Liberty's HTTP metrics do not see requests its security refused. */
    @Inject
    transient McpTelemetry telemetry;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String trustedIssuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    List<String> audiences;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String authorization = request.getHeader("Authorization");
        boolean tokenPresented = BearerChallenge.presentsBearerToken(authorization);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", challenge.unauthorized(tokenPresented));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(tokenPresented
                ? "{\"error\":\"invalid_token\",\"error_description\":\"" + INVALID_TOKEN + "\"}"
                : "{\"error\":\"unauthorized\",\"error_description\":\"A bearer access token is required\"}");
        telemetry.refused(tokenPresented);
        if (tokenPresented) {
            // Refused before Liberty's telemetry saw the request: the line carries the client's trace, if it sent one.
            TraceContexts.inClientTrace(request::getHeader, () -> ServerMessages.TOKEN_REJECTED.log(LOG,
                    request.getAttribute("jakarta.servlet.error.request_uri"),
                    TokenRejectionReason.explain(authorization, trustedIssuer, audiences, Instant.now())));
        }
    }
}
