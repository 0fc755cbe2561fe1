package dev.delegatemcp.credentials;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The catalogue of this module's operator log lines. Each has a stable id {@code DMCPC<4 digits><I|W|E>} (DMCP,
 * area C for credentials, a number never reused, the severity: I = {@link Level#INFO}, W = {@link Level#WARNING},
 * E = {@link Level#SEVERE}), a level and a {@link MessageFormat} pattern; a line reads {@code DMCPC0001W: text}.
 * Arguments are names, paths and exception class names: never a token, secret or key. The audit lines of
 * {@link CredentialAuditor} are an audit record with their own format, not messages of this catalogue.
 */
public enum CredentialsMessages {

    /** {0}: the audit file pattern; {1}: the exception's class name. */
    AUDIT_FILE_NOT_WRITABLE("DMCPC0001W", Level.WARNING,
            "The audit file {0} cannot be written ({1}); audit lines go to the server log instead"),

    /** {0}: the record's target name; {1}: the exception's class name. */
    AUDIT_RECORD_NOT_WRITTEN("DMCPC0002W", Level.WARNING, "An audit record of target {0} could not be written ({1})");

    private final String id;
    private final Level level;
    private final String pattern;

    CredentialsMessages(String id, Level level, String pattern) {
        this.id = id;
        this.level = level;
        this.pattern = pattern;
    }

    /** The stable id, e.g. {@code DMCPC0001W}. */
    public String id() {
        return id;
    }

    public Level level() {
        return level;
    }

    /** The {@link MessageFormat} pattern of the text after the id. */
    public String pattern() {
        return pattern;
    }

    /** The line as it is logged: {@code <id>: <pattern formatted with the arguments>} (root locale). */
    public String format(Object... arguments) {
        return id + ": " + new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }

    /** Logs the line at this message's level when the logger would write it (formats nothing otherwise). */
    public void log(Logger logger, Object... arguments) {
        if (logger.isLoggable(level)) {
            logger.log(level, format(arguments));
        }
    }
}
