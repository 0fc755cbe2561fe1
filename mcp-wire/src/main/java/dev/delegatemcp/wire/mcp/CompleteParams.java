package dev.delegatemcp.wire.mcp;

import java.util.Map;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The params of {@code completion/complete} (MCP 2025-11-25 schema: CompleteRequestParams).
 *
 * @param ref the prompt or resource template whose argument is being completed
 * @param argument the argument and the value typed so far
 * @param context the arguments already resolved, or null when absent
 */
@JsonbPropertyOrder({"ref", "argument", "context"})
public record CompleteParams(CompletionReference ref, Argument argument, Context context) {

    /**
     * The argument being completed.
     *
     * @param name its name (a prompt argument, or a variable of the URI template)
     * @param value what the user has typed so far (possibly empty)
     */
    @JsonbPropertyOrder({"name", "value"})
    public record Argument(String name, String value) {
    }

    /**
     * What the client already knows.
     *
     * @param arguments previously resolved arguments (or template variables) by name, or null when absent
     */
    public record Context(Map<String, String> arguments) {
    }
}
