package dev.delegatemcp.wire.mcp;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * How a request header of MCP 2026-07-28 carries a body value (Streamable HTTP, Value Encoding): as it is when it is
 * plain header text, else as {@code =?base64?{Base64 of the UTF-8 bytes}?=}. Used for {@code Mcp-Name} and
 * {@code Mcp-Param-{Name}}: written by a client ({@link #encode}), read by a server ({@link #decode}), which compares
 * the decoded value with the body. Hand-written: the JDK has Base64 but not this rule.
 */
public final class HeaderValueEncoding {

    /** The start of the Base64 sentinel form. */
    public static final String PREFIX = "=?base64?";
    /** The end of the Base64 sentinel form. */
    public static final String SUFFIX = "?=";

    private HeaderValueEncoding() {
    }

    /**
     * The header value for {@code value} (not null): as is when every character is visible ASCII (0x21-0x7E) or a
     * space, without leading or trailing space, and the value does not itself look like the sentinel form (which would
     * be ambiguous); else the sentinel form. A tab is encoded too, although RFC 9110 allows it inside a field value:
     * the JDK's HTTP client refuses it.
     */
    public static String encode(String value) {
        return isPlain(value) ? value
                : PREFIX + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + SUFFIX;
    }

    /**
     * The value a header stands for: the Base64 sentinel form decoded, any other value as it is (a value without
     * both markers is a literal). The markers are case-sensitive. The Base64 text must be padded and of the standard
     * alphabet, and its bytes UTF-8 (the SEP-2243 test cases reject {@code =?base64?SGVsbG8?=}, which the JDK's
     * decoder would accept).
     *
     * @param value the header value, without surrounding whitespace
     * @return the decoded value; empty when the sentinel form does not decode
     */
    public static Optional<String> decode(String value) {
        if (!value.startsWith(PREFIX) || !value.endsWith(SUFFIX)
                || value.length() < PREFIX.length() + SUFFIX.length()) {
            return Optional.of(value);
        }
        String encoded = value.substring(PREFIX.length(), value.length() - SUFFIX.length());
        if (encoded.length() % 4 != 0) {
            return Optional.empty(); // unpadded: the JDK decoder would pad it silently
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a decoded header value stands for this body value (Server Validation): strings exactly; numbers by value
     * ("servers SHOULD compare numerically": {@code 42} and {@code 42.0} are equal); booleans as {@code true} or
     * {@code false}; nothing else (an object, an array, null) matches any header.
     */
    public static boolean matchesBody(String decodedHeader, JsonValue body) {
        if (body instanceof JsonString text) {
            return text.getString().equals(decodedHeader);
        }
        if (body instanceof JsonNumber number) {
            try {
                return new BigDecimal(decodedHeader).compareTo(number.bigDecimalValue()) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (body == JsonValue.TRUE || body == JsonValue.FALSE) {
            return decodedHeader.equals(body.toString());
        }
        return false;
    }

    /** Whether a header value holds only what RFC 9110 allows: visible ASCII (0x21-0x7E), space and horizontal tab. */
    public static boolean isFieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c == ' ' || c == '\t' || (c >= 0x21 && c <= 0x7E))) {
                return false;
            }
        }
        return true;
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
