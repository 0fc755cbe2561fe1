package dev.delegatemcp.samples.connections.remote;

import java.util.List;
import java.util.Map;

/** The tools of one remote MCP server. */
public interface RemoteToolbox {

    /** The server's tools, in tools/list order. */
    List<ToolDefinition> tools();

    /**
     * Runs a tool of {@link #tools()} with its arguments, already checked to be present non-blank strings.
     *
     * @param connection the stored token the call came with
     */
    ToolOutcome call(String tool, Map<String, String> arguments, ConnectionView connection);
}
