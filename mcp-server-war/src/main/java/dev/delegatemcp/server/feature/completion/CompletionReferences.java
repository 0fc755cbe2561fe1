package dev.delegatemcp.server.feature.completion;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The extension point of the completion feature: a feature whose definitions have arguments a client can complete
 * says which exist, a CDI bean found at deployment and at each request. The prompts feature answers for
 * {@code ref/prompt} (prompts by name); the resources feature is to answer for {@code ref/resource} (resource templates
 * by URI template, their variables as arguments). One bean per reference type.
 * <p>
 * Until a bean answers for {@code ref/resource}, the resource templates this feature knows are those a
 * {@code @CompleteArgument} method names, their variables read from the URI template itself, without scopes.
 */
public interface CompletionReferences {

    /**
     * The reference type this bean answers for: {@code ref/prompt} or {@code ref/resource}
     * ({@link dev.delegatemcp.wire.mcp.CompletionReference#PROMPT},
     * {@link dev.delegatemcp.wire.mcp.CompletionReference#RESOURCE_TEMPLATE}).
     */
    String type();

    /**
     * The definition a reference names, whatever the caller's scopes (completing for it without them is then a 403,
     * not "unknown").
     *
     * @param key a prompt's name, or a resource template's URI template exactly as declared
     * @return it, or empty when there is none
     */
    Optional<Referenced> find(String key);

    /**
     * A prompt or resource template that can be completed.
     *
     * @param arguments the names of its arguments (a template's variables), in order
     * @param requiredScopes the scopes a caller's token must carry to use it, and so to complete its arguments (their
     *        order is kept, for messages)
     */
    record Referenced(List<String> arguments, Set<String> requiredScopes) {

        public Referenced {
            arguments = List.copyOf(arguments);
            requiredScopes = Collections.unmodifiableSet(new LinkedHashSet<>(requiredScopes));
        }
    }
}
