package dev.delegatemcp.api.interaction;

/**
 * Log messages for the client ({@code notifications/message}, MCP 2025-11-25, Server utilities, Logging). A message
 * is sent only when its level is at or above the level the client set with {@code logging/setLevel} for its session;
 * before the client sets one, nothing is sent. These messages go to the client only, never to the server's log, so
 * they must hold nothing the caller may not see (no token, no secret). The logger name is the tool, resource or
 * prompt being served.
 */
public interface McpLog {

    /** The syslog severities of RFC 5424 §6.2.1, lowest first, as MCP names them. */
    enum Level {
        DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

        /** The name on the wire, e.g. {@code "warning"}. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether a message at this level would be sent now. */
    boolean isEnabled(Level level);

    /**
     * Sends a message when its level is enabled.
     *
     * @param data a string, or any object JSON-B can write (a record, a map)
     */
    void log(Level level, Object data);

    default void debug(Object data) {
        log(Level.DEBUG, data);
    }

    default void info(Object data) {
        log(Level.INFO, data);
    }

    default void notice(Object data) {
        log(Level.NOTICE, data);
    }

    default void warning(Object data) {
        log(Level.WARNING, data);
    }

    default void error(Object data) {
        log(Level.ERROR, data);
    }
}
