package dev.delegatemcp.server.feature.completion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.delegatemcp.api.completion.CompleteArgument;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;

/**
 * Finds {@link CompleteArgument} methods on CDI beans when the application deploys. The deployment fails, with a
 * message naming the method, for an invalid completer (see {@link CompleterDefinitionReader}), for two completers of
 * one argument, and, once every bean is known, for a completer of a prompt (or a listed resource template) that does
 * not exist or lacks the argument ({@link CompleterChecks}, asking the {@link CompletionReferences} beans).
 */
public class CompletionExtension implements Extension {

    /** A discovered completer and the bean that serves it. */
    public record DiscoveredCompleter(CompleterDefinition definition, Bean<?> bean) {
    }

    private final List<DiscoveredCompleter> completers = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedMethod<? super T> annotated : event.getAnnotatedBeanClass().getMethods()) {
            if (annotated.isAnnotationPresent(CompleteArgument.class)) {
                try {
                    completers.add(new DiscoveredCompleter(CompleterDefinitionReader.read(
                            event.getBean().getBeanClass(), annotated.getJavaMember()), event.getBean()));
                } catch (InvalidCompleterException e) {
                    problems.add(e.getMessage());
                }
            }
        }
    }

    void validate(@Observes AfterBeanDiscovery event) {
        problems.addAll(CompleterChecks.duplicates(definitions()));
        problems.forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
    }

    /** Beans may be asked only now: the other features' definitions are read, the beans validated. */
    void check(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        CompleterChecks.references(definitions(), beanManager.createInstance().select(CompletionReferences.class))
                .forEach(problem -> event.addDeploymentProblem(new DeploymentException(problem)));
    }

    private List<CompleterDefinition> definitions() {
        return completers.stream().map(DiscoveredCompleter::definition).toList();
    }

    /** The completers found at deployment. */
    public List<DiscoveredCompleter> completers() {
        return Collections.unmodifiableList(completers);
    }
}
