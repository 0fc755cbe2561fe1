package dev.delegatemcp.server.feature.prompt;

import java.util.Optional;

import dev.delegatemcp.server.feature.completion.CompletionReferences;
import dev.delegatemcp.wire.mcp.CompletionReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tells the completion feature which prompts exist ({@code ref/prompt}), with their arguments and scopes, so that
 * {@code completion/complete} and the deployment checks of {@code @CompleteArgument} methods see the deployed prompts.
 */
@ApplicationScoped
public class PromptCompletionReferences implements CompletionReferences {

    private final PromptRegistry registry;

    @Inject
    public PromptCompletionReferences(PromptRegistry registry) {
        this.registry = registry;
    }

    /** For CDI proxies only. */
    protected PromptCompletionReferences() {
        this(null);
    }

    @Override
    public String type() {
        return CompletionReference.PROMPT;
    }

    @Override
    public Optional<Referenced> find(String name) {
        return registry.find(name).map(PromptRegistry.RegisteredPrompt::definition)
                .map(prompt -> new Referenced(prompt.argumentNames(), prompt.requiredScopes()));
    }
}
