package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.delegatemcp.api.interaction.RequestCancelledException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestCancellationTest {

    private final RequestCancellation cancellation = new RequestCancellation();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aRequestIsNotCancelledUntilTheClientSaysSo() {
        assertFalse(cancellation.isCancelled());
        cancellation.check();
    }

    @Test
    void afterCancelTheRequestReportsItCancelledAndCheckStopsIt() {
        cancellation.cancel();
        assertTrue(cancellation.isCancelled());
        assertThrows(RequestCancelledException.class, cancellation::check);
    }

    @Test
    void cancelInterruptsTheThreadRunningTheMethod() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread method = new Thread(() -> {
            cancellation.started();
            running.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            } finally {
                cancellation.finished();
            }
        });
        method.start();
        assertTrue(running.await(5, TimeUnit.SECONDS));
        cancellation.cancel();
        method.join(5000);
        assertFalse(method.isAlive());
        assertTrue(interrupted.get(), "blocking calls in the method stop");
    }

    @Test
    void theInterruptDoesNotOutliveTheMethod() {
        cancellation.started();
        cancellation.cancel();
        assertTrue(Thread.currentThread().isInterrupted());
        cancellation.finished();
        assertFalse(Thread.currentThread().isInterrupted(), "the thread goes back to its pool clean");
    }

    @Test
    void aCancelAfterTheMethodReturnedInterruptsNothing() {
        cancellation.started();
        cancellation.finished();
        cancellation.cancel();
        assertFalse(Thread.currentThread().isInterrupted());
        assertTrue(cancellation.isCancelled());
    }

    @Test
    void aSecondCancelChangesNothing() {
        cancellation.started();
        cancellation.cancel();
        Thread.interrupted();
        cancellation.cancel();
        assertFalse(Thread.currentThread().isInterrupted(), "interrupted once");
        cancellation.finished();
    }

    @Test
    void cancelEndsEveryWaitForTheClient() {
        CompletableFuture<Object> first = new CompletableFuture<>();
        CompletableFuture<Object> second = new CompletableFuture<>();
        cancellation.track(first);
        cancellation.track(second);
        cancellation.cancel();
        for (CompletableFuture<Object> wait : java.util.List.of(first, second)) {
            assertThrows(CancellationException.class, wait::get, "CompletableFuture throws it as it is");
        }
    }

    @Test
    void aWaitStartedAfterCancelEndsAtOnce() {
        cancellation.cancel();
        CompletableFuture<Object> late = new CompletableFuture<>();
        cancellation.track(late);
        assertTrue(late.isCompletedExceptionally());
    }

    @Test
    void aWaitNoLongerTrackedIsLeftAlone() {
        CompletableFuture<Object> done = new CompletableFuture<>();
        cancellation.track(done);
        cancellation.untrack(done);
        cancellation.cancel();
        assertFalse(done.isDone());
    }
}
