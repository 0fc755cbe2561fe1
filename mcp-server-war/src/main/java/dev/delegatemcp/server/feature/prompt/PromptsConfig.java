package dev.delegatemcp.server.feature.prompt;

import dev.delegatemcp.server.ConfigChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The prompts feature's settings, keys {@code mcp.prompts.*}. */
@Dependent
public class PromptsConfig {

    /** {@code mcp.prompts.page-size}: prompts per prompts/list page (at least 1; MCP 2025-11-25, Pagination). */
    @Inject
    @ConfigProperty(name = "mcp.prompts.page-size", defaultValue = "50")
    int pageSize;

    /** For MicroProfile Config, which fills the fields. */
    public PromptsConfig() {
    }

    /** Settings given directly, e.g. by a test. */
    public PromptsConfig(int pageSize) {
        this.pageSize = pageSize;
    }

    public int pageSize() {
        return pageSize;
    }

    /** The range problems of these settings, each naming its key. */
    ConfigChecks checks() {
        return new ConfigChecks().atLeastOne("mcp.prompts.page-size", pageSize);
    }

    /** At start-up: stops the application, naming the key, when a value is out of range. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        checks().orFail();
    }
}
