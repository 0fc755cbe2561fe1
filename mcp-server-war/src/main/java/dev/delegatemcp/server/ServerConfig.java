package dev.delegatemcp.server;

import java.util.Optional;

import jakarta.enterprise.context.Dependent;

import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's identity, keys {@code mcp.server.*} (MicroProfile Config 3.1 {@code @ConfigProperties}): what
 * {@code initialize} announces as {@code serverInfo} and {@code instructions}, and what the remote MCP client sends as
 * {@code clientInfo}. Inject with {@code @Inject @ConfigProperties ServerConfig}.
 */
@ConfigProperties(prefix = "mcp.server")
@Dependent
public class ServerConfig {

    /** {@code mcp.server.name}: the program name in serverInfo and clientInfo. */
    @ConfigProperty(name = "name", defaultValue = "delegate-mcp")
    String name;

    /** {@code mcp.server.version}: its version there. */
    @ConfigProperty(name = "version", defaultValue = "0.1.0")
    String version;

    /** {@code mcp.server.instructions}: how to use the server, for the model; absent or blank for none. */
    @ConfigProperty(name = "instructions")
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
}
