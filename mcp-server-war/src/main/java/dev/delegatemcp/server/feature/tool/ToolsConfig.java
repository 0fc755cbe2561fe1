package dev.delegatemcp.server.feature.tool;

import jakarta.enterprise.context.Dependent;

import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The tools feature's settings, keys {@code mcp.tools.*} (MicroProfile Config 3.1 {@code @ConfigProperties}). */
@ConfigProperties(prefix = "mcp.tools")
@Dependent
public class ToolsConfig {

    /** {@code mcp.tools.page-size}: tools per tools/list page (at least 1; MCP 2025-11-25, Pagination). */
    @ConfigProperty(name = "page-size", defaultValue = "50")
    int pageSize;

    public int pageSize() {
        return pageSize;
    }
}
