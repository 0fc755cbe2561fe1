package dev.delegatemcp.server.feature.resource;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;

/**
 * Finds {@code @McpResource} and {@code @McpResourceTemplate} methods on CDI beans when the application deploys and
 * reads them once. An invalid one (bad URI or template, an unsupported parameter or return type, a template variable
 * bound to no parameter), two resources with one URI, or two templates with one template text fail the deployment with
 * a message that names the method. ({@code @Downstream} declarations of resource methods are checked by the downstream
 * package's own extension.)
 */
public class ResourceExtension implements Extension {

    /** A resource method found at deployment and the bean that serves it. */
    public record DiscoveredResource(ResourceDeclaration declaration, Bean<?> bean) {
    }

    private final List<DiscoveredResource> resources = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedMethod<? super T> annotated : event.getAnnotatedBeanClass().getMethods()) {
            Method method = annotated.getJavaMember();
            if (!ResourceDeclarationReader.declaresResource(method)) {
                continue;
            }
            try {
                resources.add(new DiscoveredResource(
                        ResourceDeclarationReader.read(event.getBean().getBeanClass(), method), event.getBean()));
            } catch (InvalidResourceException e) {
                problems.add(e.getMessage());
            }
        }
    }

    void validate(@Observes AfterBeanDiscovery event) {
        problems.addAll(duplicates(resources.stream().map(DiscoveredResource::declaration).toList()));
        problems.forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
    }

    /** One message per resource whose URI, or template whose template text, an earlier one already has. */
    static List<String> duplicates(List<ResourceDeclaration> declarations) {
        List<String> found = new ArrayList<>();
        Map<String, ResourceDeclaration> byUri = new HashMap<>();
        Map<String, ResourceDeclaration> byTemplate = new HashMap<>();
        for (ResourceDeclaration declaration : declarations) {
            boolean fixed = declaration instanceof ResourceDeclaration.Fixed;
            ResourceDeclaration other = (fixed ? byUri : byTemplate).putIfAbsent(declaration.declared(), declaration);
            if (other != null) {
                found.add((fixed ? "Resource method " : "Resource template method ") + declaration.methodReference()
                        + ": the " + (fixed ? "URI '" : "URI template '") + declaration.declared()
                        + "' is already declared by " + other.methodReference());
            }
        }
        return found;
    }

    /** The resource methods found at deployment. */
    public List<DiscoveredResource> resources() {
        return Collections.unmodifiableList(resources);
    }
}
