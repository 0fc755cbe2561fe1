package dev.delegatemcp.server.feature.completion;

import dev.delegatemcp.wire.mcp.CompletionReference;

/**
 * One argument that can be completed: of a prompt ({@code ref/prompt}, by name) or a resource template
 * ({@code ref/resource}, by URI template).
 *
 * @param type {@link CompletionReference#PROMPT} or {@link CompletionReference#RESOURCE_TEMPLATE}
 * @param key the prompt's name, or the URI template
 * @param argument the argument's (or template variable's) name
 */
public record CompletionTarget(String type, String key, String argument) {

    /** What is referenced, for messages: {@code the prompt 'code_review'}. */
    public String referenced() {
        return (CompletionReference.PROMPT.equals(type) ? "the prompt '" : "the resource template '") + key + "'";
    }

    /** For messages: {@code argument 'language' of the prompt 'code_review'}. */
    @Override
    public String toString() {
        return (CompletionReference.PROMPT.equals(type) ? "argument '" : "variable '") + argument + "' of "
                + referenced();
    }
}
