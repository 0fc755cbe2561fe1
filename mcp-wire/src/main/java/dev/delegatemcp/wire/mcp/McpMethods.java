package dev.delegatemcp.wire.mcp;

/** The MCP method names this project sends or serves (MCP 2025-11-25 schema). */
public final class McpMethods {

    public static final String INITIALIZE = "initialize";
    public static final String INITIALIZED = "notifications/initialized";
    public static final String PING = "ping";
    public static final String TOOLS_LIST = "tools/list";
    public static final String TOOLS_CALL = "tools/call";
    public static final String LOGGING_SET_LEVEL = "logging/setLevel";
    public static final String PROGRESS = "notifications/progress";
    public static final String MESSAGE = "notifications/message";
    public static final String CANCELLED = "notifications/cancelled";
    public static final String SAMPLING_CREATE_MESSAGE = "sampling/createMessage";
    public static final String ELICITATION_CREATE = "elicitation/create";
    public static final String ELICITATION_COMPLETE = "notifications/elicitation/complete";
    public static final String ROOTS_LIST = "roots/list";
    public static final String ROOTS_LIST_CHANGED = "notifications/roots/list_changed";
    public static final String RESOURCES_LIST = "resources/list";
    public static final String RESOURCES_TEMPLATES_LIST = "resources/templates/list";
    public static final String RESOURCES_READ = "resources/read";
    public static final String RESOURCES_SUBSCRIBE = "resources/subscribe";
    public static final String RESOURCES_UNSUBSCRIBE = "resources/unsubscribe";
    /** Server to client: a subscribed resource changed (params {@link ResourceUpdatedParams}). */
    public static final String RESOURCES_UPDATED = "notifications/resources/updated";
    /** Server to client: the list of resources changed (no params). */
    public static final String RESOURCES_LIST_CHANGED = "notifications/resources/list_changed";
    public static final String PROMPTS_LIST = "prompts/list";
    public static final String PROMPTS_GET = "prompts/get";
    public static final String COMPLETION_COMPLETE = "completion/complete";
    /** MCP 2026-07-28: the server's revisions, capabilities and identity (Server features, Discovery). */
    public static final String SERVER_DISCOVER = "server/discover";
    /** MCP 2026-07-28: a long-lived stream of change notifications (Basic, Patterns, Subscriptions). */
    public static final String SUBSCRIPTIONS_LISTEN = "subscriptions/listen";
    /** MCP 2026-07-28: the first message of a {@code subscriptions/listen} stream. */
    public static final String SUBSCRIPTIONS_ACKNOWLEDGED = "notifications/subscriptions/acknowledged";
    public static final String TOOLS_LIST_CHANGED = "notifications/tools/list_changed";
    public static final String PROMPTS_LIST_CHANGED = "notifications/prompts/list_changed";

    private McpMethods() {
    }
}
