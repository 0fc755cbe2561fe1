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
    void aCycleOfCausesIsCopiedOnceAndNullStaysNull() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        Throwable copy = StackWithoutMessages.of(a);
        assertEquals(1, depthOf(copy));
        assertNull(StackWithoutMessages.of(null));
    }

    @Test
    void aChainOfCausesIsFollowedToADepthOfTwenty() {
        Throwable chain = new IllegalStateException("root");
        for (int i = 0; i < 30; i++) {
            chain = new RuntimeException("level " + i, chain);
        }
        assertEquals(20, depthOf(StackWithoutMessages.of(chain)));
    }

    @Test
    void aFailureWhoseFramesCannotBeReadIsCopiedAsItsClassName() {
        Throwable nullFrames = new BrokenFrames(null);
        Throwable throwingFrames = new BrokenFrames(new IllegalStateException("frames " + SECRET));

        StackWithoutMessages fromNull = StackWithoutMessages.of(nullFrames);
        StackWithoutMessages fromThrowing = StackWithoutMessages.of(throwingFrames);

        assertEquals(BrokenFrames.class.getName(), fromNull.toString());
        assertEquals(0, fromNull.getStackTrace().length);
        assertEquals(BrokenFrames.class.getName(), fromThrowing.toString());
        assertEquals(0, fromThrowing.getStackTrace().length);
    }

    private static int depthOf(Throwable copy) {
        int depth = 0;
        for (Throwable next = copy.getCause(); next != null; next = next.getCause()) {
            depth++;
        }
        return depth;
    }

    /** An exception class whose frames are null, or whose frames cannot be read. */
    private static final class BrokenFrames extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RuntimeException failure;

        BrokenFrames(RuntimeException failure) {
            super("broken " + SECRET);
            this.failure = failure;
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            if (failure != null) {
                throw failure;
            }
            return null;
        }
    }
}
