package dev.delegatemcp.server.feature.prompt;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.server.BeanMethodCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/** The deployed prompts, by name, in name order, each with the call of its method. */
@ApplicationScoped
public class PromptRegistry {

    /** A prompt and how to call its method. */
    public record RegisteredPrompt(PromptDefinition definition, BeanMethodCall call) {
    }

    private final Map<String, RegisteredPrompt> prompts = new LinkedHashMap<>();

    /** The prompts found at deployment, each called on its bean's contextual reference. */
    @Inject
    public PromptRegistry(PromptExtension extension, BeanManager beanManager) {
        this(extension.prompts().stream().map(prompt -> new RegisteredPrompt(prompt.definition(),
                BeanMethodCall.contextual(beanManager, prompt.bean(), prompt.definition().beanClass(),
                        prompt.definition().method())))
                .toList());
    }

    /** These prompts (names are unique: the extension has checked them). */
    public PromptRegistry(List<RegisteredPrompt> prompts) {
        prompts.stream().sorted(Comparator.comparing(prompt -> prompt.definition().name()))
                .forEach(prompt -> this.prompts.put(prompt.definition().name(), prompt));
    }

    /** For CDI proxies only. */
    protected PromptRegistry() {
    }

    /** Every deployed prompt, by name. */
    public Collection<RegisteredPrompt> all() {
        return Collections.unmodifiableCollection(prompts.values());
    }

    /** The prompt of that name, whatever the caller's scopes. */
    public Optional<RegisteredPrompt> find(String name) {
        return Optional.ofNullable(prompts.get(name));
    }

    /** The prompts this caller may get (its token carries every scope they require), by name. */
    public List<PromptDefinition> visibleTo(McpCaller caller) {
        return prompts.values().stream().map(RegisteredPrompt::definition)
                .filter(definition -> caller.scopes().containsAll(definition.requiredScopes())).toList();
    }
}
