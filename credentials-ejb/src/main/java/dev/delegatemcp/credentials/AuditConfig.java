package dev.delegatemcp.credentials;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** MP Config keys {@code mcp.audit.*}: where and how often {@link CredentialAuditor} writes the audit lines. */
@Dependent // typed @ConfigProperty fields, not @ConfigProperties: see StsConfig
public class AuditConfig {

    /**
     * {@code mcp.audit.file}: a {@link java.util.logging.FileHandler} pattern for the audit file; unset or empty: the
     * lines go to the server log.
     */
    @Inject
    @ConfigProperty(name = "mcp.audit.file")
    Optional<String> file;

    /** {@code mcp.audit.file.limit}: bytes per audit file before it rotates (0: no limit). */
    @Inject
    @ConfigProperty(name = "mcp.audit.file.limit", defaultValue = "20000000")
    int fileLimit;

    /** {@code mcp.audit.file.count}: audit files kept. */
    @Inject
    @ConfigProperty(name = "mcp.audit.file.count", defaultValue = "5")
    int fileCount;

    /** {@code mcp.audit.write-interval}: the writer writes what gathered at most this often (ISO-8601 duration). */
    @Inject
    @ConfigProperty(name = "mcp.audit.write-interval", defaultValue = "PT0.1S")
    Duration writeInterval;

    /** The file pattern, trimmed; empty when the lines go to the server log. */
    public Optional<String> file() {
        return file.map(String::trim).filter(pattern -> !pattern.isEmpty());
    }

    public int fileLimit() {
        return fileLimit;
    }

    public int fileCount() {
        return fileCount;
    }

    public Duration writeInterval() {
        return writeInterval;
    }
}
