package dev.delegatemcp.samples.connections.apps;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The third-party apps a user can connect in this demo, each with its own remote MCP server and default scopes. */
public enum SampleApp {

    SCHEDULER("scheduler", "Scheduler (calendar)", List.of("calendar.read", "calendar.write")),
    CRM("crm", "CRM", List.of("crm.read")),
    DOCS("docs", "Docs", List.of("docs.write"));

    private final String id;
    private final String displayName;
    private final List<String> defaultScopes;

    SampleApp(String id, String displayName, List<String> defaultScopes) {
        this.id = id;
        this.displayName = displayName;
        this.defaultScopes = defaultScopes;
    }

    /** The app id: the vault's {@code appId}, the prefix of its tokens, the path segment of its MCP server. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The scopes a connection gets when the user asks for none. */
    public List<String> defaultScopes() {
        return defaultScopes;
    }

    /** The app with this id, if any (ids are case sensitive). */
    public static Optional<SampleApp> byId(String id) {
        return Arrays.stream(values()).filter(app -> app.id.equals(id)).findFirst();
    }

    /** "scheduler, crm, docs": for messages that list what exists. */
    public static String knownIds() {
        return Arrays.stream(values()).map(SampleApp::id).collect(Collectors.joining(", "));
    }
}
