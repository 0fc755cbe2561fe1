package dev.delegatemcp.server.transport.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application: the MCP endpoint lives at {@code <context root>/mcp}. */
@ApplicationPath("/")
public class McpApplication extends Application {
}
