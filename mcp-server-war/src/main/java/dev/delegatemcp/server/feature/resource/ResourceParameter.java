package dev.delegatemcp.server.feature.resource;

/**
 * How one parameter of a resource method is filled on each read ({@link ResourceArguments}). A new kind of parameter
 * is one more record here, one more case where the declaration reader recognises its type and one where
 * {@link ResourceArguments} fills it.
 */
public sealed interface ResourceParameter
        permits ResourceParameter.Variable, ResourceParameter.Caller, ResourceParameter.Request,
        ResourceParameter.Credential {

    /** A template variable's value, converted to the parameter's type when the URI was matched. */
    record Variable(String name, VariableType type) implements ResourceParameter {
    }

    /** The authenticated {@link dev.delegatemcp.api.McpCaller}. */
    record Caller() implements ResourceParameter {
    }

    /** The {@link dev.delegatemcp.api.interaction.McpRequest} being served (progress, client log, cancellation, ...). */
    record Request() implements ResourceParameter {
    }

    /**
     * A {@link dev.delegatemcp.api.DownstreamCredential}, {@link dev.delegatemcp.api.DownstreamCredentials} or
     * {@link dev.delegatemcp.api.RemoteMcpServer}: left empty here and filled by the {@code @Downstream} interceptor.
     */
    record Credential() implements ResourceParameter {
    }
}
