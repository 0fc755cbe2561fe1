package dev.delegatemcp.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

class StackWithoutMessagesTest {

    private static final String SECRET = "Bearer eyJhbGciOiJSUzI1NiJ9.payload.signature";

    @Test
    void theCopyKeepsEachClassAndFrameAndPrintsNoMessage() {
        IllegalStateException root = new IllegalStateException("token " + SECRET);
        UncheckedIOException wrapped = new UncheckedIOException("reading " + SECRET,
                new java.io.IOException("answer " + SECRET, root));
        wrapped.addSuppressed(new RuntimeException(SECRET));

        StackWithoutMessages copy = StackWithoutMessages.of(wrapped);

        assertEquals("java.io.UncheckedIOException", copy.toString());
        assertNull(copy.getMessage());
        assertArrayEquals(wrapped.getStackTrace(), copy.getStackTrace());
        assertEquals("java.io.IOException", copy.getCause().toString());
        assertEquals("java.lang.IllegalStateException", copy.getCause().getCause().toString());
        assertArrayEquals(root.getStackTrace(), copy.getCause().getCause().getStackTrace());
        StringWriter printed = new StringWriter();
        copy.printStackTrace(new PrintWriter(printed));
        String text = printed.toString();
        assertFalse(text.contains("eyJ"), text);
        assertTrue(text.startsWith("java.io.UncheckedIOException"), text);
        assertTrue(text.contains("Caused by: java.lang.IllegalStateException"), text);
        assertTrue(text.contains("at " + getClass().getName() + ".theCopyKeepsEachClassAndFrameAndPrintsNoMessage"),
                text);
    }

    @Test
    void aCycleOfCausesEndsAtTwentyAndNullStaysNull() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        Throwable copy = StackWithoutMessages.of(a);
        int depth = 0;
        while (copy.getCause() != null) {
            copy = copy.getCause();
            depth++;
        }
        assertEquals(20, depth);
        assertNull(StackWithoutMessages.of(null));
    }
}
