package dev.delegatemcp.server.protocol.session;

/**
 * A CDI event fired when a session ends (DELETE, eviction to make room, or idleness noticed by the store), so that
 * what lives with a session (subscriptions, streams, pending requests to the client) ends with it. Observers must be
 * quick and must not throw.
 *
 * @param sessionId the ended session's id
 * @param owner the subject that owned it
 */
public record SessionEnded(String sessionId, String owner) {
}
