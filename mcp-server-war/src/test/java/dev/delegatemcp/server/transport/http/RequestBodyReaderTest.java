package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodyReaderTest {

    private final RequestBodyReader reader = new RequestBodyReader(16);

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
        "application/json; charset=\"utf-8\"", "application/json; charset=utf8", "APPLICATION/JSON"})
    void jsonInUtf8IsAccepted(String contentType) {
        assertDoesNotThrow(() -> RequestBodyReader.checkContentType(contentType));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"application/json; charset=bogus-123", "application/json; charset=iso-8859-1",
        "application/json; charset=utf-16", "application/json; charset=", "application/json; charset=\"",
        "application/json; charset=#!*", "text/plain", ";;;", "application/json; charset", "", "/", "a/b/c",
        "*/*", "application/*", "application/json-patch"})
    void anythingButJsonInUtf8IsUnsupportedMediaType(String contentType) {
        RequestBodyReader.RefusedException e = assertThrows(RequestBodyReader.RefusedException.class,
                () -> RequestBodyReader.checkContentType(contentType));
        assertEquals(RequestBodyReader.Refusal.UNSUPPORTED_MEDIA_TYPE, e.refusal());
        assertTrue(e.getMessage().startsWith("Unsupported Media Type"), e.getMessage());
    }

    @Test
    void aBodyUpToTheLimitIsReadAsUtf8() throws Exception {
        String body = "{\"a\":\"\u00e9\u00e9\"}"; // 12 bytes
        assertEquals(body, reader.read(stream(body), null));
        assertEquals("0123456789abcdef", reader.read(stream("0123456789abcdef"), "16"));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() {
        CountingStream body = new CountingStream(stream("x".repeat(100)));
        RequestBodyReader.RefusedException e = assertThrows(RequestBodyReader.RefusedException.class,
                () -> reader.read(body, "100"));
        assertEquals(RequestBodyReader.Refusal.TOO_LARGE, e.refusal());
        assertTrue(e.getMessage().contains("16 bytes"), e.getMessage());
        assertEquals(0, body.read.get(), "not one byte read");
    }

    @Test
    void aDeclaredLengthTooLongForALongIsTooLargeAtOnce() {
        CountingStream body = new CountingStream(stream("{}"));
        RequestBodyReader.RefusedException e = assertThrows(RequestBodyReader.RefusedException.class,
                () -> reader.read(body, "99999999999999999999"));
        assertEquals(RequestBodyReader.Refusal.TOO_LARGE, e.refusal());
        assertEquals(0, body.read.get());
    }

    @Test
    void anUndeclaredBodyIsReadOnlyUntilItPassesTheLimit() {
        CountingStream body = new CountingStream(new InputStream() { // endless
            @Override
            public int read() {
                return 'x';
            }
        });
        RequestBodyReader.RefusedException e = assertThrows(RequestBodyReader.RefusedException.class,
                () -> reader.read(body, null));
        assertEquals(RequestBodyReader.Refusal.TOO_LARGE, e.refusal());
        assertTrue(body.read.get() <= 16 + 8192, "read " + body.read.get());
    }

    @Test
    void aBodyLongerThanItsDeclaredLengthIsStillBoundedByTheLimit() {
        assertThrows(RequestBodyReader.RefusedException.class, () -> reader.read(stream("x".repeat(40)), "3"));
    }

    @Test
    void aBodyOfItsDeclaredLengthIsReadWhole() throws Exception {
        RequestBodyReader roomy = new RequestBodyReader(1 << 20);
        String body = "{\"text\":\"" + "\u00e9".repeat(1000) + "\"}";
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        assertEquals(body, roomy.read(stream(body), Integer.toString(length)));
        assertEquals("", roomy.read(stream(""), "0"));
        String large = "x".repeat(100_000); // beyond the one-go size: read in pieces
        assertEquals(large, roomy.read(stream(large), "100000"));
    }

    @Test
    void aBodyShorterThanItsDeclaredLengthIsReadAsSent() throws Exception {
        assertEquals("{}", reader.read(stream("{}"), "10"));
    }

    @Test
    void aBodyLongerThanItsDeclaredLengthIsReadWhole() throws Exception {
        assertEquals("0123456789", reader.read(stream("0123456789"), "3"));
    }

    @Test
    void aLimitBelowOneByteIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RequestBodyReader(0));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends InputStream {
        final AtomicLong read = new AtomicLong();
        private final InputStream in;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws java.io.IOException {
            int b = in.read();
            if (b >= 0) {
                read.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }
    }

    @org.junit.jupiter.api.Test
    void aBodyThatIsNotUtf8IsRefusedRatherThanReadWithReplacements() {
        java.io.InputStream invalid = new java.io.ByteArrayInputStream(new byte[] {'{', (byte) 0xC3, '}'});
        org.junit.jupiter.api.Assertions.assertThrows(java.nio.charset.CharacterCodingException.class,
                () -> reader.read(invalid, null));
    }
}
