package dev.delegatemcp.server.remote;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes a value into an MCP request header (MCP 2026-07-28, Transports, Streamable HTTP, Value Encoding): as is
 * when it is plain ASCII header text, otherwise as {@code =?base64?<Base64 of its UTF-8>?=}. Plain means every
 * character is visible ASCII (0x21-0x7E) or a space, without leading or trailing space, and the value does not itself
 * look like the sentinel form (starts with {@code =?base64?} and ends with {@code ?=}), which would be ambiguous.
 * A tab is encoded too, although RFC 9110 allows it inside a field value: the JDK's HTTP client refuses it.
 * Hand-written: the JDK has Base64 but no such rule, and the server side's decoder lives in the transport, which
 * this package must not use.
 */
final class HeaderValueEncoding {

    static final String PREFIX = "=?base64?";
    static final String SUFFIX = "?=";

    private HeaderValueEncoding() {
    }

    /** The header value for {@code value} (not null). */
    static String encode(String value) {
        return isPlain(value) ? value
                : PREFIX + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + SUFFIX;
    }

    private static boolean isPlain(String value) {
        if (value.isEmpty()) {
            return true;
        }
        if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return false;
        }
        if (value.startsWith(PREFIX) && value.endsWith(SUFFIX)) {
            return false;
        }
        return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }
}
