package dev.delegatemcp.server.feature.tool;

import java.util.List;

import dev.delegatemcp.server.schema.SchemaValidator;

/**
 * A tools/call whose arguments do not fit the tool's input schema. MCP 2025-11-25 (server/tools, error handling;
 * SEP-1303) makes this a tool execution error, a result with {@code isError: true}, not a protocol error: the model
 * reads it and can correct its call. The message names each problem by its JSON path, separated by "; " (at most
 * {@link SchemaValidator#MAX_PROBLEMS}, then "and more").
 */
public final class InvalidArgumentsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems every problem found; the message names the first {@link SchemaValidator#MAX_PROBLEMS} */
    public InvalidArgumentsException(String toolName, List<String> problems) {
        super("Invalid arguments for tool " + toolName + ": " + listed(problems)
                + ". Correct them and call the tool again.", null, false, false);
        this.problems = List.copyOf(problems);
    }

    private static String listed(List<String> problems) {
        if (problems.size() <= SchemaValidator.MAX_PROBLEMS) {
            return String.join("; ", problems);
        }
        return String.join("; ", problems.subList(0, SchemaValidator.MAX_PROBLEMS)) + "; and more";
    }

    /** Each problem, e.g. {@code "travellers[0].name: is required"}, in the order of the arguments. */
    public List<String> problems() {
        return problems;
    }
}
