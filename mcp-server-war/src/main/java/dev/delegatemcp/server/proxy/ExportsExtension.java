package dev.delegatemcp.server.proxy;

import dev.delegatemcp.server.remote.RemoteConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The deployment check of re-exported remote tools: {@code mcp.remote.export} and each named target's
 * {@code mcp-url}, {@code export-prefix} and {@code export-level} ({@link ExportedRemoteTools#exports}); a problem
 * fails the deployment with a message that names the key.
 */
public class ExportsExtension implements Extension {

    void validate(@Observes AfterBeanDiscovery event) {
        Config config = ConfigProvider.getConfig();
        try {
            ExportedRemoteTools.exports(config, config.getOptionalValue(RemoteConfig.EXPORT, String.class).orElse(""));
        } catch (IllegalArgumentException e) {
            event.addDefinitionError(new DeploymentException("Re-exported remote tools: " + e.getMessage()));
        }
    }
}
