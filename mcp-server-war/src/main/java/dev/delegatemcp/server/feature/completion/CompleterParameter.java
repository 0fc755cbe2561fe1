package dev.delegatemcp.server.feature.completion;

/**
 * How the feature fills one parameter of a completer method. A new kind of parameter (e.g. the request itself) is one
 * more case here, in {@link CompleterDefinitionReader} and in {@link CompletionFeature}.
 */
public sealed interface CompleterParameter
        permits CompleterParameter.Value, CompleterParameter.Arguments, CompleterParameter.Caller,
        CompleterParameter.Request, CompleterParameter.Credential {

    /** The value typed so far ({@code argument.value}), a {@code String}. */
    record Value() implements CompleterParameter {
    }

    /** The arguments the client already resolved ({@code context.arguments}), a {@code Map<String, String>}. */
    record Arguments() implements CompleterParameter {
    }

    /** The authenticated {@link dev.delegatemcp.api.McpCaller}. */
    record Caller() implements CompleterParameter {
    }

    /** The {@link dev.delegatemcp.api.interaction.McpRequest} being served (progress, client log, cancellation, ...). */
    record Request() implements CompleterParameter {
    }

    /**
     * A {@link dev.delegatemcp.api.DownstreamCredential}, {@link dev.delegatemcp.api.DownstreamCredentials} or
     * {@link dev.delegatemcp.api.RemoteMcpServer}: left empty here and filled by the {@code @Downstream} interceptor,
     * as for tools.
     */
    record Credential() implements CompleterParameter {
    }
}
