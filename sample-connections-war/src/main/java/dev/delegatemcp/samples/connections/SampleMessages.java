package dev.delegatemcp.samples.connections;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The catalogue of the demo connections module's log lines, each with a stable id {@code DMCPA<4 digits><I|W|E>}
 * (DMCP, A for the sample apps, the severity's letter). A line never holds a token or a secret; vault token ids are
 * the store's own identifiers, not tokens.
 */
public enum SampleMessages {

    /** {0} app, {1} level, {2} user or tenant, {3} scopes, {4} vault token id, {5} the subject who granted it. */
    CONNECTED("DMCPA0001I", Level.INFO,
            "Connected {0} for {1} {2} with scopes {3} (vault token id {4}, granted by {5})"),
    /** {0} app, {1} level, {2} tokens removed, {3} the subject who asked. */
    DISCONNECTED("DMCPA0002I", Level.INFO, "Disconnected {0} ({1} level, {2} token(s) removed) at the request of {3}"),
    /** No argument. */
    NO_MANAGEMENT_KEY("DMCPA0003W", Level.WARNING,
            "No vault management key is configured (MCP_OUTBOUND_MANAGEMENT_KEY):"
                    + " the vault API at /v1/mgmt/outbound refuses every request."),
    /** {0} app, {1} why (no bearer token, or not a live vault token of the app). */
    REMOTE_REFUSED("DMCPA0004I", Level.INFO, "The {0} MCP server refused a request: {1}");

    private final String id;
    private final Level level;
    private final String pattern;

    SampleMessages(String id, Level level, String pattern) {
        this.id = id;
        this.level = level;
        this.pattern = pattern;
    }

    public String id() {
        return id;
    }

    public Level level() {
        return level;
    }

    /** The line as written: {@code "<id>: <text>"}, the arguments placed by {@link MessageFormat} (ROOT locale). */
    public String format(Object... arguments) {
        return id + ": " + new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }

    /** Writes the line to {@code logger} at this message's level, when that level is logged. */
    public void log(Logger logger, Object... arguments) {
        if (logger.isLoggable(level)) {
            logger.log(level, format(arguments));
        }
    }
}
