package dev.delegatemcp.server;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * Where a failure happened, without what it said: a copy of a {@link Throwable} and its causes that keeps each one's
 * class name and stack frames and drops every message, for an operator's log line. A message may quote request data,
 * a token or a downstream's answer; a stack frame names only code (class, method, file, line). Logged as the
 * {@link java.util.logging.LogRecord}'s thrown, it prints as a stack trace whose lines read
 * {@code java.lang.IllegalArgumentException} and {@code at ...} (in Liberty's messages.log). Suppressed exceptions
 * are left out; causes are followed until one repeats (a cycle) or to a depth of 20. Copying never throws: a failure that cannot be copied (its frames unreadable) is copied as its class name alone.
 */
public final class StackWithoutMessages extends Throwable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_CAUSES = 20;

    private final String className;
    private final StackWithoutMessages copiedCause;

    private StackWithoutMessages(String className, StackTraceElement[] frames, StackWithoutMessages copiedCause) {
        super(null, null, false, true);
        this.className = className;
        this.copiedCause = copiedCause;
        setStackTrace(frames);
    }

    /** The copy of {@code original}; null for null. */
    public static StackWithoutMessages of(Throwable original) {
        if (original == null) {
            return null;
        }
        return copy(original, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    }

    private static StackWithoutMessages copy(Throwable original, Set<Throwable> seen, int depth) {
        seen.add(original);
        String className = original.getClass().getName();
        try {
            Throwable next = original.getCause();
            StackWithoutMessages cause = next != null && !seen.contains(next) && depth < MAX_CAUSES
                    ? copy(next, seen, depth + 1)
                    : null;
            StackTraceElement[] frames = original.getStackTrace();
            frames = frames == null ? new StackTraceElement[0]
                    : Arrays.stream(frames).filter(Objects::nonNull).toArray(StackTraceElement[]::new);
            return new StackWithoutMessages(className, frames, cause);
        } catch (RuntimeException | StackOverflowError e) {
            // An exception class of a tool's that overrides getCause or getStackTrace badly: its name is still known.
            return new StackWithoutMessages(className, new StackTraceElement[0], null);
        }
    }

    /** The copy of the original's cause; null when it had none, or it repeats an earlier one, or past the depth. */
    @Override
    public synchronized Throwable getCause() {
        return copiedCause;
    }

    /** The frames are the original's, set by the constructor: none of the copy's own are recorded. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** The original's class name, and nothing else: what {@link Throwable#printStackTrace} prints as its first line. */
    @Override
    public String toString() {
        return className;
    }
}
