package dev.delegatemcp.server.tools;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.api.Tool;
import dev.delegatemcp.server.proxy.ExportedRemoteTools;
import dev.delegatemcp.credentials.DownstreamTarget;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Finds {@link Tool} methods on CDI beans when the application deploys and builds their definitions once. An invalid
 * tool (bad or duplicate name, unsupported parameter or return type, a {@code @Downstream} target missing from the
 * configuration) fails the deployment with a message that names the method.
 */
public class ToolExtension implements Extension {

    /** A discovered tool and the bean that serves it. */
    public record DiscoveredTool(ToolDefinition definition, Bean<?> bean) {
    }

    private final List<DiscoveredTool> tools = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedMethod<? super T> annotated : event.getAnnotatedBeanClass().getMethods()) {
            if (!annotated.isAnnotationPresent(Tool.class)) {
                continue;
            }
            Method method = annotated.getJavaMember();
            try {
                tools.add(new DiscoveredTool(
                        ToolDefinitionReader.read(event.getBean().getBeanClass(), method), event.getBean()));
            } catch (InvalidToolException e) {
                problems.add(e.getMessage());
            }
        }
    }

    void validate(@Observes AfterBeanDiscovery event) {
        Map<String, ToolDefinition> byName = new HashMap<>();
        Config config = ConfigProvider.getConfig();
        for (DiscoveredTool tool : tools) {
            List<String> remote = ToolDefinitionReader.remoteServerTargets(tool.definition().method(),
                    tool.definition().downstreamTargets());
            for (String target : tool.definition().downstreamTargets()) {
                try {
                    DownstreamTarget configured = DownstreamTarget.fromConfig(config, target);
                    if (remote.contains(target) && configured.mcpUrl().isEmpty()) {
                        problems.add("Tool method " + tool.definition().methodReference() + ": it takes target '"
                                + target + "' as a RemoteMcpServer, so set " + DownstreamTarget.PREFIX + target
                                + ".mcp-url");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("Tool method " + tool.definition().methodReference() + ": " + e.getMessage());
                }
            }
            ToolDefinition other = byName.putIfAbsent(tool.definition().name(), tool.definition());
            if (other != null) {
                problems.add("Tool method " + tool.definition().methodReference() + ": the tool name '"
                        + tool.definition().name() + "' is already used by " + other.methodReference());
            }
        }
        try {
            ExportedRemoteTools.exports(config, config.getOptionalValue("mcp.remote.export", String.class).orElse(""));
        } catch (IllegalArgumentException e) {
            problems.add("Re-exported remote tools: " + e.getMessage());
        }
        problems.forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
    }

    /** The tools found at deployment. */
    public List<DiscoveredTool> tools() {
        return Collections.unmodifiableList(tools);
    }
}
