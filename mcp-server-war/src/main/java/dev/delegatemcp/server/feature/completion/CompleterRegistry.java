package dev.delegatemcp.server.feature.completion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.delegatemcp.server.BeanMethodCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/** The deployed completers, by the argument each completes, each with the call of its method. */
@ApplicationScoped
public class CompleterRegistry {

    /** A completer and how to call its method. */
    public record RegisteredCompleter(CompleterDefinition definition, BeanMethodCall call) {
    }

    private final Map<CompletionTarget, RegisteredCompleter> completers = new HashMap<>();

    /** The completers found at deployment, each called on its bean's contextual reference. */
    @Inject
    public CompleterRegistry(CompletionExtension extension, BeanManager beanManager) {
        this(extension.completers().stream().map(completer -> new RegisteredCompleter(completer.definition(),
                BeanMethodCall.contextual(beanManager, completer.bean(), completer.definition().beanClass(),
                        completer.definition().method())))
                .toList());
    }

    /** These completers (one per argument: the extension has checked them). */
    public CompleterRegistry(List<RegisteredCompleter> completers) {
        completers.forEach(completer -> this.completers.put(completer.definition().target(), completer));
    }

    /** For CDI proxies only. */
    protected CompleterRegistry() {
    }

    /** The completer of that argument. */
    public Optional<RegisteredCompleter> find(CompletionTarget target) {
        return Optional.ofNullable(completers.get(target));
    }

    /** Whether some completer completes a variable of that URI template. */
    public boolean completesTemplate(String uriTemplate) {
        return completers.keySet().stream().anyMatch(target -> target.key().equals(uriTemplate)
                && dev.delegatemcp.wire.mcp.CompletionReference.RESOURCE_TEMPLATE.equals(target.type()));
    }
}
