package dev.delegatemcp.metadata;

import java.io.IOException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves the MCP server's Protected Resource Metadata at {@code /.well-known/oauth-protected-resource} (root form)
 * and {@code /.well-known/oauth-protected-resource/<MCP path>} (path form). The content comes from MP Config.
 */
@WebServlet("/*")
public class ProtectedResourceMetadataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "mcp.server.resource")
    String resource;

    @Inject
    @ConfigProperty(name = "mcp.oauth.authorization-servers")
    List<String> authorizationServers;

    @Inject
    @ConfigProperty(name = "mcp.oauth.scopes-supported", defaultValue = " ")
    List<String> scopesSupported;

    @Inject
    @ConfigProperty(name = "mcp.oauth.bearer-methods-supported", defaultValue = "header")
    List<String> bearerMethodsSupported;

    @Inject
    @ConfigProperty(name = "mcp.server.title", defaultValue = " ")
    String resourceName;

    private transient ProtectedResourceMetadata metadata;

    @Override
    public void init() {
        metadata = new ProtectedResourceMetadata(resource, authorizationServers, scopesSupported,
                bearerMethodsSupported, resourceName);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Public metadata: browser-based MCP clients fetch it cross-origin.
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (!metadata.servesPath(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "max-age=300");
        response.getWriter().write(metadata.toJson().toString());
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Allow-Methods", "GET, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "MCP-Protocol-Version");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
