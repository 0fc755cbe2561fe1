package dev.delegatemcp.server.feature.prompt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Turns a prompts/get {@code arguments} object into the prompt method's Java arguments (MCP 2025-11-25, Prompts: "Servers
 * SHOULD validate prompt arguments before processing"). Every value must be a string (schema: GetPromptRequestParams,
 * {@code arguments: {[key]: string}}); a JSON null is an absent argument. Problems are gathered for all arguments and
 * answered together as -32602:
 * <ul>
 * <li>a required argument that is absent: {@code "code: is required"};</li>
 * <li>a value that is not a string: {@code "code: must be a string"};</li>
 * <li>an argument the prompt does not declare: {@code "colour: is not an argument of this prompt"}. The specification
 * says nothing of extra arguments; they are refused because prompts/list declared every argument the prompt takes, so
 * an extra one is a client's mistake (a misspelt name) that would otherwise be dropped silently.</li>
 * </ul>
 */
final class PromptArguments {

    /** Unknown argument names listed at most, so that a request with thousands of them gets a short answer. */
    static final int MAX_UNKNOWN_LISTED = 10;

    private PromptArguments() {
    }

    /**
     * The method's arguments.
     *
     * @throws JsonRpcException -32602 naming every problem when any argument does not fit
     */
    static Object[] bind(PromptDefinition prompt, JsonObject arguments, McpCaller caller, McpRequest request) {
        List<PromptParameter> parameters = prompt.parameters();
        Object[] values = new Object[parameters.size()];
        List<String> problems = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (int i = 0; i < values.length; i++) {
            PromptParameter parameter = parameters.get(i);
            if (parameter instanceof PromptParameter.Argument argument) {
                declared.add(argument.name());
                values[i] = bind(argument, arguments.get(argument.name()), problems);
            } else if (parameter instanceof PromptParameter.Caller) {
                values[i] = caller;
            } else if (parameter instanceof PromptParameter.Request) {
                values[i] = request;
            } // a Credential stays null: the @Downstream interceptor fills it
        }
        List<String> unknown = arguments.keySet().stream().filter(name -> !declared.contains(name)).sorted().toList();
        unknown.stream().limit(MAX_UNKNOWN_LISTED).forEach(name -> problems.add(name
                + ": is not an argument of this prompt"));
        if (unknown.size() > MAX_UNKNOWN_LISTED) {
            problems.add("and " + (unknown.size() - MAX_UNKNOWN_LISTED) + " more arguments it does not have");
        }
        if (!problems.isEmpty()) {
            throw JsonRpcException.invalidParams("Invalid params: invalid arguments for prompt " + prompt.name() + ": "
                    + String.join("; ", problems));
        }
        return values;
    }

    private static Object bind(PromptParameter.Argument argument, JsonValue value, List<String> problems) {
        if (value == null || value == JsonValue.NULL) {
            if (argument.required()) {
                problems.add(argument.name() + ": is required");
            }
            return argument.optional() ? Optional.empty() : null;
        }
        if (!(value instanceof JsonString text)) {
            problems.add(argument.name() + ": must be a string");
            return null;
        }
        return argument.optional() ? Optional.of(text.getString()) : text.getString();
    }
}
