package dev.delegatemcp.server.transport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

/**
 * The body of a POST to the MCP endpoint, read by the transport itself rather than by JAX-RS: JAX-RS decodes a
 * {@code String} entity with whatever charset the {@code Content-Type} names and fails with a 500 on one it does not
 * know, and it reads a body of any size. Here the media type and charset are checked first, and the body is read
 * only up to a limit.
 *
 * <p>Shapes: the {@code Content-Type} must be {@code application/json} (parameters allowed) with no charset or
 * {@code charset=utf-8} (RFC 8259 section 8.1: JSON exchanged between systems is UTF-8); the body is at most
 * {@code maxBytes} bytes, checked against {@code Content-Length} before reading and while reading when the length
 * is not declared (chunked). The limit is {@code mcp.transport.max-request-bytes} (bytes, default 4 MiB).
 */
@ApplicationScoped
public class RequestBodyReader {

    /** Why a body was refused. */
    enum Refusal {
        /** Not JSON, a charset other than UTF-8, or a malformed Content-Type: HTTP 415. */
        UNSUPPORTED_MEDIA_TYPE,
        /** Longer than the limit: HTTP 413. */
        TOO_LARGE
    }

    /** A refused body; the message is a sentence for the client. */
    static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final Refusal refusal;

        RefusedException(Refusal refusal, String message) {
            super(message, null, false, false);
            this.refusal = refusal;
        }

        Refusal refusal() {
            return refusal;
        }
    }

    /**
     * Bodies up to this many bytes with a declared length are read in one go into an array of that length (within the
     * limit, checked before); longer ones are read in pieces, so that a declared length alone never makes a large
     * allocation.
     */
    private static final long SMALL_BODY = 65536;

    private final long maxBytes;

    @Inject
    public RequestBodyReader(TransportConfig config) {
        this(config.maxRequestBytes());
    }

    /** @param maxBytes the largest body read, in bytes */
    public RequestBodyReader(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("mcp.transport.max-request-bytes must be at least 1, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** For CDI proxies only. */
    protected RequestBodyReader() {
        this.maxBytes = 0;
    }

    /**
     * @throws RefusedException UNSUPPORTED_MEDIA_TYPE when the header is missing, malformed, not a JSON media type
     *         or names a charset other than UTF-8
     */
    static void checkContentType(String contentType) throws RefusedException {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        // Exactly application/json: isCompatible() would also take wildcards ("*/*", or what a parser makes of ";;;").
        if (type == null || !"application".equalsIgnoreCase(type.getType())
                || !"json".equalsIgnoreCase(type.getSubtype())) {
            throw new RefusedException(Refusal.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type: send application/json");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !isUtf8(charset)) {
            throw new RefusedException(Refusal.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported Media Type: JSON must be sent in UTF-8 (charset=utf-8 or no charset)");
        }
    }

    private static boolean isUtf8(String charset) {
        try {
            String name = charset.trim().replace("\"", "");
            return Charset.isSupported(name) && Charset.forName(name).equals(StandardCharsets.UTF_8);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    /**
     * Reads the whole body as UTF-8 text.
     *
     * @param contentLength the request's {@code Content-Length} header, or null when absent (chunked)
     * @throws RefusedException TOO_LARGE when the declared or the actual length exceeds {@code maxBytes}; the
     *         rest of the body is not read
     * @throws IOException when the connection fails while reading; {@link java.nio.charset.CharacterCodingException}
     *         when the body is not UTF-8
     */
    public String read(InputStream in, String contentLength) throws RefusedException, IOException {
        long declared = declaredLength(contentLength);
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (in == null) {
            return "";
        }
        byte[] declaredBytes = null;
        int next = -1;
        if (declared >= 0 && declared <= SMALL_BODY) {
            // The usual request: read at once into an array of the declared length. The container ends the stream
            // there; a stream that goes on is read on below, within the limit.
            declaredBytes = in.readNBytes((int) declared);
            next = in.read();
            if (next == -1) {
                return decode(declaredBytes, declaredBytes.length);
            }
        }
        // Grown as bytes arrive, not allocated up front beyond 64 KiB for what the client declared.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 512), 65536));
        long total = 0;
        if (declaredBytes != null) {
            bytes.write(declaredBytes, 0, declaredBytes.length);
            bytes.write(next);
            total = declaredBytes.length + 1L;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
        }
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) != -1;) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            bytes.write(buffer, 0, n);
        }
        return decode(bytes.toByteArray(), bytes.size());
    }

    /** Strict: a body that is not UTF-8 is not JSON (RFC 8259 section 8.1), rather than text with replacements. */
    private static String decode(byte[] bytes, int length) throws java.nio.charset.CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes, 0, length)).toString();
    }

    /**
     * The declared length; {@code Long.MAX_VALUE} for digits too many for a long (beyond any limit); -1 when absent
     * or unreadable (the limit then applies while reading).
     */
    private static long declaredLength(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        String digits = contentLength.trim();
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return digits.matches("[0-9]+") ? Long.MAX_VALUE : -1;
        }
    }

    private static RefusedException tooLarge(long maxBytes) {
        return new RefusedException(Refusal.TOO_LARGE, "Request body too large: at most " + maxBytes
                + " bytes are accepted (" + String.format(Locale.ROOT, "%.1f", maxBytes / 1048576.0) + " MiB)");
    }
}
