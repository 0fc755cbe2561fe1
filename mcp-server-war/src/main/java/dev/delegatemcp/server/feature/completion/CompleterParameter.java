package dev.delegatemcp.server.feature.completion;

/**
 * How the feature fills one parameter of a completer method. A new kind of parameter (e.g. the request itself) is one
 * more case here, in {@link CompleterDefinitionReader} and in {@link CompletionFeature}.
 */
public sealed interface CompleterParameter
        permits CompleterParameter.Value, CompleterParameter.Arguments, CompleterParameter.Caller {

    /** The value typed so far ({@code argument.value}), a {@code String}. */
    record Value() implements CompleterParameter {
    }

    /** The arguments the client already resolved ({@code context.arguments}), a {@code Map<String, String>}. */
    record Arguments() implements CompleterParameter {
    }

    /** The authenticated {@link dev.delegatemcp.api.McpCaller}. */
    record Caller() implements CompleterParameter {
    }
}
