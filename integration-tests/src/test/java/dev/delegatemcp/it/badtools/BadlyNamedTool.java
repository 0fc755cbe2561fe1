package dev.delegatemcp.it.badtools;

import dev.delegatemcp.api.Tool;
import jakarta.enterprise.context.ApplicationScoped;

/** A tool whose name breaks the MCP rules: deploying it must fail. */
@ApplicationScoped
public class BadlyNamedTool {

    @Tool(name = "not a valid name!")
    public String broken() {
        return "never served";
    }
}
