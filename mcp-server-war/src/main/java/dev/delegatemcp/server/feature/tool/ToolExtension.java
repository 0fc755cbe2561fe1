package dev.delegatemcp.server.feature.tool;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.api.Tool;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;

/**
 * Finds {@link Tool} methods on CDI beans when the application deploys and builds their definitions once. An invalid
 * tool (bad or duplicate name, unsupported parameter or return type) fails the deployment with a message that names
 * the method. ({@code @Downstream} declarations are checked by the downstream package's own extension.)
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
        for (DiscoveredTool tool : tools) {
            ToolDefinition other = byName.putIfAbsent(tool.definition().name(), tool.definition());
            if (other != null) {
                problems.add("Tool method " + tool.definition().methodReference() + ": the tool name '"
                        + tool.definition().name() + "' is already used by " + other.methodReference());
            }
        }
        problems.forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
    }

    /** The tools found at deployment. */
    public List<DiscoveredTool> tools() {
        return Collections.unmodifiableList(tools);
    }
}
