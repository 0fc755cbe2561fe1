package dev.delegatemcp.server.feature.prompt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.api.prompt.Prompt;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;

/**
 * Finds {@link Prompt} methods on CDI beans when the application deploys and builds their definitions once. An
 * invalid prompt (bad or duplicate name, unsupported parameter or return type) fails the deployment with a message
 * that names the method.
 */
public class PromptExtension implements Extension {

    /** A discovered prompt and the bean that serves it. */
    public record DiscoveredPrompt(PromptDefinition definition, Bean<?> bean) {
    }

    private final List<DiscoveredPrompt> prompts = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedMethod<? super T> annotated : event.getAnnotatedBeanClass().getMethods()) {
            if (annotated.isAnnotationPresent(Prompt.class)) {
                try {
                    prompts.add(new DiscoveredPrompt(PromptDefinitionReader.read(event.getBean().getBeanClass(),
                            annotated.getJavaMember()), event.getBean()));
                } catch (InvalidPromptException e) {
                    problems.add(e.getMessage());
                }
            }
        }
    }

    void validate(@Observes AfterBeanDiscovery event) {
        problems.addAll(duplicateNames(prompts.stream().map(DiscoveredPrompt::definition).toList()));
        problems.forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
    }

    /** A problem for each prompt whose name an earlier one already has. */
    static List<String> duplicateNames(List<PromptDefinition> definitions) {
        List<String> duplicates = new ArrayList<>();
        Map<String, PromptDefinition> byName = new HashMap<>();
        for (PromptDefinition definition : definitions) {
            PromptDefinition other = byName.putIfAbsent(definition.name(), definition);
            if (other != null) {
                duplicates.add("Prompt method " + definition.methodReference() + ": the prompt name '"
                        + definition.name() + "' is already used by " + other.methodReference());
            }
        }
        return duplicates;
    }

    /** The prompts found at deployment. */
    public List<DiscoveredPrompt> prompts() {
        return Collections.unmodifiableList(prompts);
    }
}
