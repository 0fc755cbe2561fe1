package dev.delegatemcp.samples;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import dev.delegatemcp.api.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;

/** Sample tools that show the caller's identity and echo text. */
@ApplicationScoped
public class IdentityTools {

    /** What the server knows about the caller, as structured output. */
    public record Identity(String subject, String clientId, String tenant, List<String> scopes) {
    }

    @Tool(name = "whoami", title = "Who am I",
            description = "Returns the identity of the caller as the server sees it: user, MCP client, tenant and scopes.",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true,
                    openWorldHint = false))
    public Identity whoami(McpCaller caller) {
        Set<String> scopes = new TreeSet<>(caller.scopes());
        return new Identity(caller.subject(), caller.clientId().orElse(null), caller.tenant().orElse(null),
                List.copyOf(scopes));
    }

    @Tool(name = "echo", title = "Echo", description = "Repeats the given text.",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true,
                    openWorldHint = false))
    public String echo(@ToolArg(description = "The text to repeat") String text,
            @ToolArg(description = "How many times to repeat it (1 to 10)", defaultValue = "1") int times) {
        if (times < 1 || times > 10) {
            throw new ToolCallException("times must be between 1 and 10.");
        }
        return String.join(" ", Collections.nCopies(times, text));
    }
}
