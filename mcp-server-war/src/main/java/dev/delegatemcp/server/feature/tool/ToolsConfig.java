package dev.delegatemcp.server.feature.tool;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The tools feature's settings, keys {@code mcp.tools.*}. */
@Dependent
public class ToolsConfig {

    /** {@code mcp.tools.page-size}: tools per tools/list page (at least 1; MCP 2025-11-25, Pagination). */
    @Inject
    @ConfigProperty(name = "mcp.tools.page-size", defaultValue = "50")
    int pageSize;

    public int pageSize() {
        return pageSize;
    }
}
