package dev.delegatemcp.wire.mcp;

/** The MCP method names this project sends or serves (MCP 2025-11-25 schema). */
public final class McpMethods {

    public static final String INITIALIZE = "initialize";
    public static final String INITIALIZED = "notifications/initialized";
    public static final String PING = "ping";
    public static final String TOOLS_LIST = "tools/list";
    public static final String TOOLS_CALL = "tools/call";
    public static final String RESOURCES_LIST = "resources/list";
    public static final String RESOURCES_TEMPLATES_LIST = "resources/templates/list";
    public static final String RESOURCES_READ = "resources/read";
    public static final String RESOURCES_SUBSCRIBE = "resources/subscribe";
    public static final String RESOURCES_UNSUBSCRIBE = "resources/unsubscribe";
    /** Server to client: a subscribed resource changed (params {@link ResourceUpdatedParams}). */
    public static final String RESOURCES_UPDATED = "notifications/resources/updated";
    /** Server to client: the list of resources changed (no params). */
    public static final String RESOURCES_LIST_CHANGED = "notifications/resources/list_changed";

    private McpMethods() {
    }
}
