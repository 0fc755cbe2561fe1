package dev.delegatemcp.server.protocol.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import dev.delegatemcp.api.interaction.Cancellation;

/**
 * The cancellation state of one request (MCP 2025-11-25, Utilities, Cancellation). When the client cancels, waits for
 * the client end at once and the thread running the method is interrupted, as {@code Future.cancel(true)} does, so
 * that blocking I/O in the method stops too; the interrupt never outlives the method (the flag is cleared when it
 * returns). Thread-safe.
 */
public final class RequestCancellation implements Cancellation {

    private final List<CompletableFuture<?>> waits = new ArrayList<>();
    private volatile boolean cancelled;
    private Thread runner;

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** The method starts running on the current thread. */
    synchronized void started() {
        runner = Thread.currentThread();
    }

    /** The method returned: no interrupt from now on, and the current thread's flag is cleared. */
    void finished() {
        synchronized (this) {
            runner = null;
        }
        if (cancelled) {
            Thread.interrupted();
        }
    }

    /** The client cancelled: ends the waits and interrupts the running method. Idempotent. */
    public void cancel() {
        List<CompletableFuture<?>> ended;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            ended = new ArrayList<>(waits);
            waits.clear();
            if (runner != null) {
                runner.interrupt();
            }
        }
        ended.forEach(wait -> wait.completeExceptionally(new CancellationException()));
    }

    /** A wait for the client that cancellation must end; ended at once when already cancelled. */
    void track(CompletableFuture<?> wait) {
        synchronized (this) {
            if (!cancelled) {
                waits.add(wait);
                return;
            }
        }
        wait.completeExceptionally(new CancellationException());
    }

    synchronized void untrack(CompletableFuture<?> wait) {
        waits.remove(wait);
    }
}
