package dev.delegatemcp.metadata;

import java.io.IOException;

import dev.delegatemcp.web.cors.OriginAllowList;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the MCP server's Protected Resource Metadata at {@code /.well-known/oauth-protected-resource} (root form)
 * and {@code /.well-known/oauth-protected-resource/<MCP path>} (path form). The content comes from MP Config.
 * A request whose {@code Origin} is not in {@code mcp.transport.allowed-origins} is 403, as at the MCP endpoint; CORS
 * (preflights, {@code Access-Control-Allow-Origin}) is the web.xml's {@code CorsFilter}.
 */
@WebServlet("/*")
public class ProtectedResourceMetadataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MetadataConfig config;

    private transient ProtectedResourceMetadata metadata;
    private transient OriginAllowList origins;

    @Override
    public void init() {
        metadata = config.metadata();
        origins = new OriginAllowList(config.allowedOrigins());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!origins.allows(request.getHeader("Origin"))) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "origin not allowed");
            return;
        }
        if (!metadata.servesPath(request.getPathInfo())) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND, "no protected resource metadata at this path");
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "max-age=300");
        response.getWriter().write(metadata.toJson().toString());
    }

    /** Only GET (and HEAD, OPTIONS) are served; any other method is 405 with the same JSON shape. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws jakarta.servlet.ServletException, IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)) {
            response.setHeader("Allow", "GET, HEAD, OPTIONS");
            refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "use GET");
            return;
        }
        super.service(request, response);
    }

    /** A refusal as a small JSON object (the shape of OAuth errors, RFC 6749 section 5.2), not the container's page. */
    private static void refuse(HttpServletResponse response, int status, String description) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"invalid_request\",\"error_description\":\"" + description + "\"}");
    }
}
