package dev.delegatemcp.server.feature.tool;

import dev.delegatemcp.server.ConfigChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
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

    /** At start-up: stops the application, naming the key, when a value is out of range. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        new ConfigChecks().atLeastOne("mcp.tools.page-size", pageSize).orFail();
    }
}
