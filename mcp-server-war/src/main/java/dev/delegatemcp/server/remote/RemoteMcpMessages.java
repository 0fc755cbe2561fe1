package dev.delegatemcp.server.remote;

import java.util.regex.Pattern;

/**
 * The sentences the end user reads when a remote MCP server call fails. Each names the logical target, says what the
 * user can do, and holds no token, header, URL, HTTP status or stack trace.
 */
public final class RemoteMcpMessages {

    /** At most this many characters of a remote server's own error message reach the user. */
    public static final int MAX_REMOTE_MESSAGE = 200;

    /** Control and format (e.g. bidi override) characters, in runs. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+");

    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private RemoteMcpMessages() {
    }

    /** Connection refused, I/O error, time-out, 5xx, 408, 429, or the stream ended before the answer. */
    public static String unreachable(String target) {
        return "The " + target + " service could not be reached; try again in a moment.";
    }

    /** The answer was not a JSON-RPC/MCP message, or another unexpected HTTP status (3xx, 4xx). */
    public static String notMcp(String target) {
        return "The " + target + " service answered with something that is not MCP; please tell your administrator.";
    }

    /** HTTP 401 again after one fresh credential. */
    public static String notAccepted(String target) {
        return "The " + target + " service did not accept your connection; reconnect it and try again.";
    }

    /** HTTP 403. */
    public static String forbidden(String target) {
        return "The " + target + " service did not allow this request; ask your administrator for access.";
    }

    /** The server negotiated a protocol version this client does not speak. */
    public static String unsupportedVersion(String target) {
        return "The " + target + " service speaks a version of MCP this server does not support; please tell your "
                + "administrator.";
    }

    /**
     * The server answered with an input-required result (MCP 2026-07-28, Multi Round-Trip Requests): it needs
     * answers (e.g. to a question for the user) that this server cannot relay for a remote tool.
     */
    public static String inputRequired(String target) {
        return "The " + target + " service needs more input for this request, which this server cannot pass on to "
                + "you; use the " + target + " service directly, or ask your administrator.";
    }

    /**
     * A JSON-RPC error answer. The remote message is shown after the sentence, with control characters replaced by a
     * space (runs of spaces collapsed), each occurrence of {@code secret} (the credential that was sent, should the server echo it) replaced by
     * {@code ***}, and capped at {@value #MAX_REMOTE_MESSAGE} characters.
     */
    public static String refused(String target, String remoteMessage, String... secrets) {
        String detail = sanitize(remoteMessage, secrets);
        return detail.isEmpty() ? "The " + target + " service refused the request."
                : "The " + target + " service refused the request: " + detail;
    }

    /** A remote server's text made safe to show: no control characters, no given secret, at most 200 characters. */
    static String sanitize(String text, String... secrets) {
        if (text == null) {
            return "";
        }
        String clean = CONTROL.matcher(redact(text, secrets)).replaceAll(" ");
        clean = SPACES.matcher(redact(clean, secrets)).replaceAll(" ").strip();
        if (clean.length() > MAX_REMOTE_MESSAGE) {
            int end = MAX_REMOTE_MESSAGE - 1;
            if (Character.isHighSurrogate(clean.charAt(end - 1))) {
                end--;
            }
            clean = clean.substring(0, end) + "\u2026";
        }
        return clean;
    }

    private static String redact(String text, String... secrets) {
        String redacted = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                redacted = redacted.replace(secret, "***");
            }
        }
        return redacted;
    }
}
