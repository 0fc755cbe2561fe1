package dev.delegatemcp.wire.mcp;

/** The MCP method names this project sends or serves (MCP 2025-11-25 schema). */
public final class McpMethods {

    public static final String INITIALIZE = "initialize";
    public static final String INITIALIZED = "notifications/initialized";
    public static final String PING = "ping";
    public static final String TOOLS_LIST = "tools/list";
    public static final String TOOLS_CALL = "tools/call";
    public static final String PROMPTS_LIST = "prompts/list";
    public static final String PROMPTS_GET = "prompts/get";
    public static final String COMPLETION_COMPLETE = "completion/complete";

    private McpMethods() {
    }
}
