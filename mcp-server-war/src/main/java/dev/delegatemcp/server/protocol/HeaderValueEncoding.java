package dev.delegatemcp.server.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How a request header of MCP 2026-07-28 carries a body value (Streamable HTTP, Value Encoding): as it is when it is
 * visible ASCII, else as {@code =?base64?{Base64 of the UTF-8 bytes}?=}. Used for {@code Mcp-Name} (by the transport)
 * and {@code Mcp-Param-{Name}} (by the tool feature), which both compare the decoded value with the body.
 */
public final class HeaderValueEncoding {

    private static final String BASE64_PREFIX = "=?base64?";
    private static final String BASE64_SUFFIX = "?=";

    private HeaderValueEncoding() {
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
        if (!value.startsWith(BASE64_PREFIX) || !value.endsWith(BASE64_SUFFIX)
                || value.length() < BASE64_PREFIX.length() + BASE64_SUFFIX.length()) {
            return Optional.of(value);
        }
        String encoded = value.substring(BASE64_PREFIX.length(), value.length() - BASE64_SUFFIX.length());
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
}
