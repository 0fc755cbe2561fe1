package dev.delegatemcp.server;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The catalogue of this module's operator log lines, each with a stable id {@code DMCPS<4 digits><I|W|E>} (DMCP, S for
 * the server module, the severity's letter), as Open Liberty's {@code CWxxx} messages: operators and tests search by
 * id, and the text may change. A line never holds a token, a secret or a user's data beyond a subject.
 */
public enum ServerMessages {

    /** {0} the MCP method, {1} the exception class, {2} the reference the client was given. */
    INTERNAL_ERROR("DMCPS0001E", Level.SEVERE, "Internal error in {0}: {1} (reference {2})"),
    /** {0} the tool, {1} the exception class, {2} the reference the user was given. */
    TOOL_FAILED("DMCPS0002W", Level.WARNING, "Tool {0} failed with {1} (reference {2})"),
    /** {0} the remote target, {1} the exception class. */
    EXPORTED_TOOLS_NOT_LISTED("DMCPS0003W", Level.WARNING, "Tools of the remote MCP server {0} not listed: {1}"),
    /** {0} the request URI, {1} why the token was refused (no token content). */
    TOKEN_REJECTED("DMCPS0004I", Level.INFO, "Rejected a request to {0}: {1}"),
    /**
     * {0} the resource as declared (its URI or URI template, and its method or "added at run time"), {1} the exception
     * class, {2} the reference the client was given.
     */
    RESOURCE_FAILED("DMCPS0005W", Level.WARNING, "Resource {0} failed with {1} (reference {2})"),
    /** {0} the prompt, {1} the exception class (or what was wrong with the result), {2} the reference given. */
    PROMPT_FAILED("DMCPS0010W", Level.WARNING, "Prompt {0} failed with {1} (reference {2})"),
    /** {0} what was completed (e.g. argument 'language' of the prompt 'code_review'), {1} the exception class (or what was
     * wrong with the result), {2} the reference given. */
    COMPLETION_FAILED("DMCPS0011W", Level.WARNING, "Completion of {0} failed with {1} (reference {2})"),
    /** No arguments: mcp.request-state.secret is not set, so requestState is sealed with a key of this start only. */
    REQUEST_STATE_KEY_GENERATED("DMCPS0012W", Level.WARNING,
            "mcp.request-state.secret is not set: requestState is sealed with a random key made at start-up, so a retry"
                    + " that reaches another server instance or comes after a restart is refused. Set"
                    + " MCP_REQUEST_STATE_SECRET (at least 32 characters, the same on every instance)."),
    /** {0} the dependency (issuer, sts, vault, remote-mcp target), {1} its scheme, host and port, {2} why. */
    DEPENDENCY_DOWN("DMCPS0013W", Level.WARNING, "Dependency {0} ({1}) does not answer: {2}"),
    /** {0} the dependency, {1} its scheme, host and port. */
    DEPENDENCY_UP("DMCPS0014I", Level.INFO, "Dependency {0} ({1}) answers again"),
    /** {0} the value of otel.sdk.disabled as read. */
    TELEMETRY_NOT_LOADED("DMCPS0015W", Level.WARNING, "OpenTelemetry is asked for (otel.sdk.disabled={0}) but"
            + " Liberty''s mpTelemetry-2.1 feature is not loaded, so nothing is recorded. server.xml loads it from"
            + " telemetry/otel-sdk-disabled-false.xml only when the value is false (OTEL_SDK_DISABLED=false or"
            + " -Dotel.sdk.disabled=false): check the value, that this file is beside server.xml and that the runtime"
            + " has the feature installed; after a start with another value, start the server once with --clean"),
    /** {0} the value of otel.sdk.disabled as read. */
    TELEMETRY_LOADED_WHILE_OFF("DMCPS0016W", Level.WARNING, "Liberty''s mpTelemetry-2.1 feature is loaded while"
            + " OpenTelemetry is off (otel.sdk.disabled={0}): it records nothing but still costs CPU on every request."
            + " Liberty kept the features of an earlier start: start the server once with --clean"),
    /**
     * {0} the exception class: a request threw past every handler (a defect); it was answered 500, or, when it had
     * started an event stream, the stream ended without a result. Logged with where it was thrown
     * ({@link StackWithoutMessages}).
     */
    REQUEST_FAILED("DMCPS0017E", Level.SEVERE,
            "An MCP request failed unexpectedly: {0}; answered 500, or its event stream ended without a result");

    private final String id;
    private final Level level;
    private final String pattern;

    ServerMessages(String id, Level level, String pattern) {
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

    /**
     * Writes the line with where {@code failure} happened: its stack frames and its causes' (class names and frames,
     * never a message: {@link StackWithoutMessages}), so that an operator can find a defect from the log alone; a null
     * {@code failure} writes the line alone. Nothing is written (nor copied) when this message's level is not logged.
     */
    public void logWithStack(Logger logger, Throwable failure, Object... arguments) {
        if (logger.isLoggable(level)) {
            logger.log(level, format(arguments), StackWithoutMessages.of(failure));
        }
    }
}
