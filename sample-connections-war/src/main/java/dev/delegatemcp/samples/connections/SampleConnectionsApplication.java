package dev.delegatemcp.samples.connections;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The demo token vault (Descope Outbound Apps management API under {@code /v1/mgmt/outbound}), the connect endpoint
 * ({@code /connect/{appId}}) and the remote MCP servers ({@code /mcp/{appId}}), all sharing one token store.
 */
@ApplicationPath("/")
public class SampleConnectionsApplication extends Application {
}
