package dev.delegatemcp.api.interaction;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context (level 1, https://www.w3.org/TR/trace-context/): the {@code traceparent} of the caller's span
 * and the vendors' {@code tracestate}, as a client sent them with its MCP request (MCP 2026-07-28, Basic,
 * {@code _meta}, OpenTelemetry trace context; or the HTTP headers of the same names). Pass it on to the services a
 * tool calls, as HTTP headers of the same names ({@link #applyTo}), so that their spans join the client's trace.
 * <p>
 * Only valid values exist: {@link #of} drops what the specification says to drop, the constructor refuses it.
 * <ul>
 * <li>{@code traceparent}: {@code version-traceid-parentid-flags} in lower-case hex: version 2 digits, not
 * {@code ff}; trace id 32 digits, parent id 16 digits, neither all zeros; flags 2 digits. Version {@code 00} is
 * exactly 55 characters; a later version is at least 55, and what follows them must begin with {@code -} (its
 * fields are kept as sent, not read: Versioning of traceparent).</li>
 * <li>{@code tracestate}: at most 512 characters and 32 list members, each {@code key=value} (key: lower-case
 * letters, digits, {@code _ - * /}, optionally {@code tenant@system}; value: 1 to 256 printable ASCII characters
 * without {@code ,} and {@code =}, not ending with a space), separated by commas with optional spaces or tabs;
 * empty members are allowed.</li>
 * </ul>
 * Hand-written: the W3C propagator of OpenTelemetry would do, but this module depends on Jakarta EE APIs only.
 *
 * @param traceparent the {@code traceparent} value, as sent
 * @param tracestate the {@code tracestate} value, as sent, or null when none was sent (or it was invalid)
 */
public record TraceContext(String traceparent, String tracestate) {

    /** The W3C header (and {@code _meta} key) of the parent span. */
    public static final String TRACEPARENT = "traceparent";

    /** The W3C header (and {@code _meta} key) of the vendors' trace state. */
    public static final String TRACESTATE = "tracestate";

    /** Length of a version-00 traceparent, and the least of any version. */
    private static final int TRACEPARENT_LENGTH = 55;
    private static final int TRACESTATE_MAX_LENGTH = 512;
    private static final int TRACESTATE_MAX_MEMBERS = 32;

    private static final Pattern TRACEPARENT_FIELDS =
            Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String KEY_CHARS = "[a-z0-9_\\-*/]";
    private static final Pattern TRACESTATE_MEMBER = Pattern.compile("(?:[a-z]" + KEY_CHARS + "{0,255}|[a-z0-9]"
            + KEY_CHARS + "{0,240}@[a-z]" + KEY_CHARS + "{0,13})=[\\x20-\\x2b\\x2d-\\x3c\\x3e-\\x7e]{0,255}"
            + "[\\x21-\\x2b\\x2d-\\x3c\\x3e-\\x7e]");

    /**
     * @throws IllegalArgumentException when {@code traceparent} is null or not valid, or {@code tracestate} is given
     *         and not valid
     */
    public TraceContext {
        Objects.requireNonNull(traceparent, "traceparent");
        if (!validTraceparent(traceparent)) {
            throw new IllegalArgumentException("not a W3C traceparent");
        }
        if (tracestate != null && !validTracestate(tracestate)) {
            throw new IllegalArgumentException("not a W3C tracestate");
        }
    }

    /**
     * The trace context of received values, as W3C Trace Context says to receive them: empty when
     * {@code traceparent} is missing or invalid (then {@code tracestate} is not read either); an invalid
     * {@code tracestate} is dropped, keeping the traceparent.
     *
     * @param traceparent the received {@code traceparent}, or null
     * @param tracestate the received {@code tracestate}, or null
     */
    public static Optional<TraceContext> of(String traceparent, String tracestate) {
        if (traceparent == null || !validTraceparent(traceparent)) {
            return Optional.empty();
        }
        return Optional.of(new TraceContext(traceparent,
                tracestate != null && validTracestate(tracestate) ? tracestate : null));
    }

    /**
     * Sets the {@code traceparent} header, and {@code tracestate} when there is one, on an outgoing request, e.g.
     * {@code trace.applyTo(builder::header)}.
     */
    public void applyTo(BiConsumer<String, String> setHeader) {
        setHeader.accept(TRACEPARENT, traceparent);
        if (tracestate != null) {
            setHeader.accept(TRACESTATE, tracestate);
        }
    }

    private static boolean validTraceparent(String value) {
        if (value.length() < TRACEPARENT_LENGTH
                || !TRACEPARENT_FIELDS.matcher(value.substring(0, TRACEPARENT_LENGTH)).matches()) {
            return false;
        }
        String version = value.substring(0, 2);
        if (version.equals("ff") || allZeros(value, 3, 35) || allZeros(value, 36, 52)) {
            return false;
        }
        if (version.equals("00")) {
            return value.length() == TRACEPARENT_LENGTH;
        }
        // A later version: its own fields follow a dash (Versioning of traceparent).
        return value.length() == TRACEPARENT_LENGTH || value.charAt(TRACEPARENT_LENGTH) == '-';
    }

    private static boolean allZeros(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private static boolean validTracestate(String value) {
        if (value.length() > TRACESTATE_MAX_LENGTH) {
            return false;
        }
        int members = 0;
        for (String part : value.split(",", -1)) {
            String member = withoutOptionalWhitespace(part);
            if (member.isEmpty()) {
                continue; // an empty list member is allowed
            }
            if (!TRACESTATE_MEMBER.matcher(member).matches() || ++members > TRACESTATE_MAX_MEMBERS) {
                return false;
            }
        }
        return true;
    }

    /** Without the spaces and tabs around it (OWS, RFC 7230), nothing else. */
    private static String withoutOptionalWhitespace(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
            to--;
        }
        return text.substring(from, to);
    }
}
