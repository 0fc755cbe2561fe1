package dev.delegatemcp.server.downstream;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.RemoteMcpServer;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.resource.McpResource;
import dev.delegatemcp.api.resource.McpResourceTemplate;
import dev.delegatemcp.credentials.DownstreamTarget;
import dev.delegatemcp.server.MethodReferences;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The deployment checks of {@code @Downstream}: every tool and resource method, and every method that declares targets
 * itself, must declare them well (exactly one of resource and connection, no target twice, as many targets as
 * {@link DownstreamCredential} and {@link RemoteMcpServer} parameters), and each target must be configured
 * ({@code mcp.downstream.<name>.*}; {@code .mcp-url} when a {@link RemoteMcpServer} takes it). So must the methods of
 * MicroProfile Rest Client interfaces that declare targets, with one target per method. A problem fails the
 * deployment with a message that names the method and the key.
 */
public class DownstreamExtension implements Extension {

    private final List<String> problems = new ArrayList<>();
    private final List<Declared> declared = new ArrayList<>();

    private record Declared(Class<?> beanClass, Method method, List<Downstream> targets) {
    }

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        Class<?> beanClass = event.getBean().getBeanClass();
        for (AnnotatedMethod<? super T> annotated : event.getAnnotatedBeanClass().getMethods()) {
            Method method = annotated.getJavaMember();
            boolean onMethod = method.getAnnotationsByType(Downstream.class).length > 0;
            // A tool or resource method (its credentials come from its own or its class's targets), or any method
            // that declares targets itself; a helper that merely receives a credential from its caller is not checked.
            if (!onMethod && !method.isAnnotationPresent(Tool.class) && !isResource(method)) {
                continue;
            }
            List<Downstream> targets = DownstreamDeclarations.targets(beanClass, method);
            var problem = DownstreamDeclarations.problem(method, targets);
            if (problem.isPresent()) {
                problems.add(where(beanClass, method) + problem.get());
            } else {
                declared.add(new Declared(beanClass, method, targets));
            }
        }
    }

    /**
     * MicroProfile Rest Client interfaces ({@code @RegisterRestClient}) that declare {@code @Downstream}: each method
     * that sends a request takes one target, its own or its interface's, is declared by the interface itself and is
     * not asynchronous. (A client built with {@code RestClientBuilder} from another interface is checked at its first
     * call instead.)
     */
    <T> void collectRestClients(
            @Observes @WithAnnotations({Downstream.class, Downstream.List.class}) ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (!type.isInterface() || !type.isAnnotationPresent(RegisterRestClient.class)) {
            return;
        }
        for (Method method : type.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            List<Downstream> targets = DownstreamDeclarations.targets(type, method);
            if (targets.isEmpty()) {
                continue;
            }
            var problem = method.getDeclaringClass() != type
                    ? Optional.of("it is inherited from " + method.getDeclaringClass().getName()
                            + ", and the @Downstream interceptor sees only the methods the client's interface declares"
                            + " itself; declare it there")
                    : DownstreamDeclarations.restClientProblem(method, targets);
            if (problem.isPresent()) {
                problems.add("REST client method " + MethodReferences.describe(type, method) + ": " + problem.get());
            } else {
                declared.add(new Declared(type, method, targets));
            }
        }
    }

    void validate(@Observes AfterBeanDiscovery event) {
        Config config = ConfigProvider.getConfig();
        for (Declared method : declared) {
            List<String> names = method.targets().stream().map(DownstreamDeclarations::targetName).toList();
            List<String> remote = DownstreamDeclarations.remoteServerTargets(method.method(), names);
            for (String target : names) {
                try {
                    DownstreamTarget configured = DownstreamTarget.fromConfig(config, target);
                    if (remote.contains(target) && configured.mcpUrl().isEmpty()) {
                        problems.add(where(method.beanClass(), method.method()) + "it takes target '" + target
                                + "' as a RemoteMcpServer, so set " + DownstreamTarget.PREFIX + target + ".mcp-url");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(where(method.beanClass(), method.method()) + e.getMessage());
                }
            }
        }
        problems.forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
    }

    /**
     * The names of all targets the deployment's methods declare, each once, in the order first declared; complete
     * once the application has started.
     */
    public List<String> targetNames() {
        return declared.stream().flatMap(method -> method.targets().stream()).map(DownstreamDeclarations::targetName)
                .distinct().toList();
    }

    private static String where(Class<?> beanClass, Method method) {
        return (method.isAnnotationPresent(Tool.class) ? "Tool method "
                : isResource(method) ? "Resource method " : "Method ") + MethodReferences.describe(beanClass, method)
                + ": ";
    }

    private static boolean isResource(Method method) {
        return method.isAnnotationPresent(McpResource.class) || method.isAnnotationPresent(McpResourceTemplate.class);
    }
}
