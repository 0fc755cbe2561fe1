package dev.delegatemcp.server.protocol.stream;

import dev.delegatemcp.api.McpCaller;

/**
 * Which resources a caller may follow on a {@code subscriptions/listen} stream ({@code resourceSubscriptions}, MCP
 * 2026-07-28): those it could read, no other, so that a stream tells nobody of a resource (its existence, when it
 * changes) they may not see. The resources feature answers; the protocol layer asks.
 */
public interface FollowableResources {

    /**
     * @param caller the listening caller, or null when unknown (then nothing may be followed)
     * @param uri an absolute URI from the listen request
     * @return whether the URI names a resource (fixed, or matching a template) whose scopes the caller holds
     */
    boolean mayFollow(McpCaller caller, String uri);
}
