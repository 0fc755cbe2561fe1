package com.example.mcp;

import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import dev.delegatemcp.api.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A plain tool: no downstream service, no credential. Any public method of a CDI bean annotated {@code @Tool} is a
 * tool; its parameters are the tool's arguments (the input schema is generated from them) and a {@code String} result
 * is the text the client gets.
 */
@ApplicationScoped
public class GreetingTools {

    @Tool(name = "greet", title = "Greet", description = "Greets someone by name.",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true,
                    openWorldHint = false))
    public String greet(@ToolArg(description = "The name of the person to greet") String name) {
        if (name.isBlank() || name.length() > 100) {
            // An isError result with this sentence, which the model can correct its call from.
            throw new ToolCallException("The name must have 1 to 100 characters.");
        }
        return "Hello, " + name.strip() + "!";
    }
}
