package dev.delegatemcp.server;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's identity, keys {@code mcp.server.*}: what {@code initialize} announces as {@code serverInfo} and
 * {@code instructions}, and what the remote MCP client sends as {@code clientInfo}.
 * <p>
 * Each area's settings are one {@code @Dependent} bean of typed {@code @ConfigProperty} fields (this one, and
 * {@code SessionConfig}, {@code TransportConfig}, {@code SecurityConfig}, {@code ToolsConfig}, {@code RemoteConfig}),
 * not MicroProfile Config 3.1 {@code @ConfigProperties}: on Liberty 26.0.0.5 a {@code @ConfigProperties} mapping in
 * this EAR is not found from the request threads (SRCFG00027, "Could not find a mapping"), and every request failed.
 */
@Dependent
public class ServerConfig {

    /** {@code mcp.server.name}: the program name in serverInfo and clientInfo. */
    @Inject
    @ConfigProperty(name = "mcp.server.name", defaultValue = "delegate-mcp")
    String name;

    /** {@code mcp.server.version}: its version there. */
    @Inject
    @ConfigProperty(name = "mcp.server.version", defaultValue = "0.1.0")
    String version;

    /** {@code mcp.server.instructions}: how to use the server, for the model; absent or blank for none. */
    @Inject
    @ConfigProperty(name = "mcp.server.instructions")
    Optional<String> instructions;

    /** For MicroProfile Config, which fills the fields. */
    public ServerConfig() {
    }

    /** Settings given directly, e.g. by a test. */
    public ServerConfig(String name, String version, Optional<String> instructions) {
        this.name = name;
        this.version = version;
        this.instructions = instructions;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public Optional<String> instructions() {
        return instructions;
    }

    /**
     * At start-up: stops the application when a key of an earlier version that is no longer read is still set (it
     * would be ignored silently otherwise).
     */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        new ConfigChecks()
                .renamed(config, "mcp.sts.connect-timeout-ms", "mcp.sts.connect-timeout (ISO-8601, e.g. PT2S)")
                .renamed(config, "mcp.sts.read-timeout-ms", "mcp.sts.read-timeout (ISO-8601, e.g. PT5S)")
                .renamed(config, "mcp.outbound.connect-timeout-ms",
                        "mcp.outbound.connect-timeout (ISO-8601, e.g. PT2S)")
                .renamed(config, "mcp.outbound.read-timeout-ms", "mcp.outbound.read-timeout (ISO-8601, e.g. PT5S)")
                .orFail();
    }
}
