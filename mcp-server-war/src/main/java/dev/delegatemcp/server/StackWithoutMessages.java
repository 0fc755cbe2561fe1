package dev.delegatemcp.server;

/**
 * Where a failure happened, without what it said: a copy of a {@link Throwable} and its causes that keeps each one's
 * class name and stack frames and drops every message, for an operator's log line. A message may quote request data,
 * a token or a downstream's answer; a stack frame names only code (class, method, file, line). Logged as the
 * {@link java.util.logging.LogRecord}'s thrown, it prints as a stack trace whose lines read
 * {@code java.lang.IllegalArgumentException} and {@code at ...}. Suppressed exceptions are left out; causes are followed
 * to a depth of 20 (a cycle ends there).
 */
public final class StackWithoutMessages extends Throwable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_CAUSES = 20;

    private final String className;
    private final StackWithoutMessages cause;

    private StackWithoutMessages(Throwable original, int depth) {
        super(null, null, false, true);
        this.className = original.getClass().getName();
        setStackTrace(original.getStackTrace());
        Throwable next = original.getCause();
        this.cause = next != null && next != original && depth < MAX_CAUSES ? new StackWithoutMessages(next, depth + 1)
                : null;
    }

    /** The copy of {@code original}; null for null. */
    public static StackWithoutMessages of(Throwable original) {
        return original == null ? null : new StackWithoutMessages(original, 0);
    }

    /** The copy of the original's cause; null when it had none or the chain was cut at its depth limit. */
    @Override
    public synchronized Throwable getCause() {
        return cause;
    }

    /** The original's class name, and nothing else: what {@link Throwable#printStackTrace} prints as its first line. */
    @Override
    public String toString() {
        return className;
    }
}
