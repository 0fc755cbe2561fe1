package dev.delegatemcp.server.feature.tool;

import java.lang.reflect.Type;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** How the invoker fills one parameter of a tool method. */
public sealed interface ToolParameter
        permits ToolParameter.Argument, ToolParameter.AllArguments, ToolParameter.Caller, ToolParameter.Request,
        ToolParameter.Credential {

    /** A tool argument from the client, part of the input schema. */
    record Argument(String name, Type type, boolean required, JsonValue defaultValue, JsonObject schema)
            implements ToolParameter {
    }

    /**
     * The whole {@code arguments} object as the client sent it (empty when absent), for a tool with a hand-written
     * {@link dev.delegatemcp.api.Tool#inputSchema()}; not checked against that schema.
     */
    record AllArguments() implements ToolParameter {
    }

    /** The authenticated {@link dev.delegatemcp.api.McpCaller}; not part of the input schema. */
    record Caller() implements ToolParameter {
    }

    /**
     * The {@link dev.delegatemcp.api.interaction.McpRequest} being served (progress, log, cancellation, requests to the
     * client); not part of the input schema.
     */
    record Request() implements ToolParameter {
    }

    /**
     * A {@link dev.delegatemcp.api.DownstreamCredential}, {@link dev.delegatemcp.api.DownstreamCredentials} or
     * {@link dev.delegatemcp.api.RemoteMcpServer}: left
     * empty by the invoker and filled by the {@code @Downstream} interceptor; not part of the input schema.
     */
    record Credential() implements ToolParameter {
    }
}
