package dev.delegatemcp.server.tools;

import java.util.List;

/**
 * A tools/call whose arguments do not fit the tool's input schema. MCP 2025-11-25 (server/tools, error handling;
 * SEP-1303) makes this a tool execution error, a result with {@code isError: true}, not a protocol error: the model
 * reads it and can correct its call. The message names every problem by its JSON path, separated by "; ".
 */
public final class InvalidArgumentsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidArgumentsException(String toolName, List<String> problems) {
        super("Invalid arguments for tool " + toolName + ": " + String.join("; ", problems)
                + ". Correct them and call the tool again.", null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** Each problem, e.g. {@code "travellers[0].name: is required"}, in the order of the arguments. */
    public List<String> problems() {
        return problems;
    }
}
