package dev.delegatemcp.server.feature.prompt;

/**
 * How the feature fills one parameter of a prompt method. A new kind of parameter (e.g. the request itself) is one
 * more case here, in {@link PromptDefinitionReader} and in {@link PromptArguments}.
 */
public sealed interface PromptParameter
        permits PromptParameter.Argument, PromptParameter.Caller, PromptParameter.Request, PromptParameter.Credential {

    /**
     * A prompt argument from the client: a string.
     *
     * @param name its name in {@code prompts/get}'s {@code arguments}
     * @param required whether {@code prompts/get} must carry it
     * @param optional whether the parameter is an {@code Optional<String>} (else a {@code String}, null when absent)
     */
    record Argument(String name, boolean required, boolean optional) implements PromptParameter {
    }

    /** The authenticated {@link dev.delegatemcp.api.McpCaller}; not an argument. */
    record Caller() implements PromptParameter {
    }

    /** The {@link dev.delegatemcp.api.interaction.McpRequest} being served (progress, client log, cancellation, ...). */
    record Request() implements PromptParameter {
    }

    /**
     * A {@link dev.delegatemcp.api.DownstreamCredential}, {@link dev.delegatemcp.api.DownstreamCredentials} or
     * {@link dev.delegatemcp.api.RemoteMcpServer}: left empty here and filled by the {@code @Downstream} interceptor,
     * as for tools; not an argument.
     */
    record Credential() implements PromptParameter {
    }
}
