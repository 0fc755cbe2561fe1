package dev.delegatemcp.server.feature.prompt;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import dev.delegatemcp.server.MethodReferences;
import dev.delegatemcp.wire.mcp.Prompt;

/**
 * A prompt as discovered at deployment: its prompts/list entry (built once) and what the feature needs to get it.
 *
 * @param name the prompt name
 * @param descriptor the prompts/list entry: name, title, description, arguments
 * @param requiredScopes scopes the caller's token must carry, in declaration order
 * @param beanClass the CDI bean class declaring the method
 * @param method the prompt method
 * @param parameters how each method parameter is filled, in order
 */
public record PromptDefinition(String name, Prompt descriptor, Set<String> requiredScopes, Class<?> beanClass,
        Method method, List<PromptParameter> parameters) {

    /** The method as people read it, e.g. {@code com.acme.Prompts#review(String)}, for messages. */
    public String methodReference() {
        return MethodReferences.describe(beanClass, method);
    }

    /** The names of its arguments, in order. */
    public List<String> argumentNames() {
        return parameters.stream().filter(PromptParameter.Argument.class::isInstance)
                .map(parameter -> ((PromptParameter.Argument) parameter).name()).toList();
    }
}
