package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.servlet.AsyncContext;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RequestWorkersTest {

    private final RequestWorkers workers = new RequestWorkers();
    private final AtomicInteger contextsApplied = new AtomicInteger();

    /**
     * Far above what a quick call takes even on a slow machine (so that the first call's time does not make its kind
     * slow), and far below the wait of the test that lets an inline call get stuck.
     */
    private static final Duration THRESHOLD = Duration.ofMillis(200);

    @BeforeAll
    static void loadJaxRs() {
        Response.ok().build(); // JAX-RS's RuntimeDelegate is loaded once: not within a call the tests time
    }

    RequestWorkersTest() {
        workers.start(4, 4, THRESHOLD, request -> { // 4 inline: whatever the machine, a stuck call leaves room
            contextsApplied.incrementAndGet();
            return request;
        });
    }

    @AfterEach
    void stop() {
        workers.stop();
    }

    /**
     * One request's way out: what {@link RequestWorkers#serve} returned for JAX-RS, or, when it detached the request,
     * what was written through the servlet response and whether the servlet request was ended.
     */
    private static final class Answer {
        final CompletableFuture<Boolean> completed = new CompletableFuture<>();
        final ServletFakes.Response servlet = new ServletFakes.Response();
        volatile boolean detached;
        Response returned;

        Supplier<DetachedResponse> detach() {
            return () -> {
                detached = true;
                return new DetachedResponse(servletAsync(), servlet.proxy);
            };
        }

        private AsyncContext servletAsync() {
            return (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {AsyncContext.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "complete":
                                completed.complete(true);
                                return null;
                            default:
                                throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }

        /** The status written through the servlet response by a worker, once the request ended; 0 for none. */
        int writtenStatus() throws Exception {
            completed.get(5, TimeUnit.SECONDS);
            return servlet.calls.stream().filter(call -> call.startsWith("setStatus(")).findFirst()
                    .map(call -> Integer.parseInt(call.substring(10, call.length() - 1))).orElse(0);
        }
    }

    private void serve(Answer answer, String kind, Supplier<Response> request) {
        answer.returned = workers.serve(answer.detach(), kind, request);
    }

    private static Supplier<Response> ok(AtomicBoolean onWorker) {
        return () -> {
            onWorker.set(Thread.currentThread().getName().startsWith("mcp-request-"));
            return Response.ok("{}").build();
        };
    }

    @Test
    void aWorkerRunsTheRequestInTheSubmittingThreadsTraceContextAndLeavesNoneBehind() throws Exception {
        io.opentelemetry.api.trace.Span http = io.opentelemetry.api.trace.Span.wrap(
                io.opentelemetry.api.trace.SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736",
                        "00f067aa0ba902b7", io.opentelemetry.api.trace.TraceFlags.getSampled(),
                        io.opentelemetry.api.trace.TraceState.getDefault()));
        Supplier<Response> request;
        try (io.opentelemetry.context.Scope scope = http.makeCurrent()) {
            request = RequestWorkers.withTraceContext(() -> Response.ok(
                    io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId()).build());
        }
        CompletableFuture<String> onWorker = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            String seen = (String) request.get().getEntity();
            onWorker.complete(seen + " then "
                    + io.opentelemetry.api.trace.Span.current().getSpanContext().isValid());
        });
        worker.start();
        assertEquals("00f067aa0ba902b7 then false", onWorker.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aKindNotSeenYetRunsOnAWorkerInTheRequestsContext() throws Exception {
        Answer answer = new Answer();
        AtomicBoolean onWorker = new AtomicBoolean();
        serve(answer, "tools/call calendar_events", ok(onWorker));
        assertEquals(null, answer.returned, "nothing for JAX-RS to write");
        assertEquals(200, answer.writtenStatus());
        assertEquals("{}", answer.servlet.body.text());
        assertTrue(onWorker.get());
        assertEquals(1, contextsApplied.get(), "the submitting request's context is carried to the worker");
    }

    @Test
    void aQuickKindRunsOnTheCallingThreadOnceItsCallsWereQuickAndJaxRsWritesItsAnswer() throws Exception {
        Answer first = new Answer();
        serve(first, "tools/call echo", ok(new AtomicBoolean()));
        first.writtenStatus();
        Answer second = new Answer();
        AtomicBoolean onWorker = new AtomicBoolean(true);
        serve(second, "tools/call echo", ok(onWorker));
        assertEquals(200, second.returned.getStatus());
        assertFalse(second.detached, "the servlet request stays synchronous");
        assertFalse(onWorker.get());
    }

    @Test
    void aRequestThatCannotBeDetachedIsServedOnTheCallingThread() {
        AtomicBoolean onWorker = new AtomicBoolean(true);
        Response response = workers.serve(() -> {
            throw new IllegalStateException("startAsync refused: a filter does not support asynchronous requests");
        }, "tools/call calendar_events", ok(onWorker));
        assertEquals(200, response.getStatus());
        assertFalse(onWorker.get());
    }

    @Test
    void aRequestWhoseContextCannotBeCapturedIsServedOnTheCallingThreadWithoutDetaching() {
        RequestWorkers stopping = new RequestWorkers();
        stopping.start(4, 4, THRESHOLD, request -> {
            throw new IllegalStateException("the application is stopping");
        });
        try {
            Answer answer = new Answer();
            Response response = stopping.serve(answer.detach(), "tools/call calendar_events", ok(new AtomicBoolean()));
            assertEquals(200, response.getStatus());
            assertFalse(answer.detached, "a detached request would be left unanswered");
        } finally {
            stopping.stop();
        }
    }

    @Test
    void aListenStreamAlwaysRunsOnAWorker() throws Exception {
        for (int i = 0; i < 3; i++) {
            Answer answer = new Answer();
            AtomicBoolean onWorker = new AtomicBoolean();
            serve(answer, null, ok(onWorker));
            answer.writtenStatus();
            assertTrue(onWorker.get(), "call " + i);
        }
    }

    @Test
    void aResponseWrittenAsAnEventStreamEndsTheServletRequestWithNothingWrittenOverIt() throws Exception {
        Answer answer = new Answer();
        serve(answer, "tools/call progress", () -> null);
        assertEquals(0, answer.writtenStatus());
        assertEquals(List.of(), answer.servlet.calls);
    }

    @Test
    void aFailingRequestIsAnsweredWithAnInternalErrorEvenForAnError() throws Exception {
        Answer answer = new Answer();
        serve(answer, "tools/call broken", () -> {
            throw new StackOverflowError();
        });
        assertEquals(500, answer.writtenStatus());
        assertTrue(answer.servlet.body.text().contains("Internal error"));
    }

    @Test
    void aFailingRequestIsLoggedWithWhereItWasThrownButNotItsMessage() throws Exception {
        try (dev.delegatemcp.server.LogCapture capture = dev.delegatemcp.server.LogCapture.of(RequestWorkers.class)) {
            Answer answer = new Answer();
            IllegalArgumentException thrown = new IllegalArgumentException("progress must increase: secret-arg");
            serve(answer, "tools/call broken", () -> {
                throw thrown;
            });
            assertEquals(500, answer.writtenStatus());
            java.util.logging.LogRecord logged = capture.first("DMCPS0017E");
            assertTrue(logged.getMessage().contains("java.lang.IllegalArgumentException"), logged.getMessage());
            assertFalse(logged.getMessage().contains("secret-arg"), logged.getMessage());
            assertEquals("java.lang.IllegalArgumentException", logged.getThrown().toString());
            assertEquals(thrown.getStackTrace()[0], logged.getThrown().getStackTrace()[0]);
            assertEquals(null, logged.getThrown().getMessage());
        }
    }

    @Test
    void aFailingRequestOnTheCallingThreadIsAnsweredWithAnInternalErrorToo() throws Exception {
        Answer first = new Answer();
        serve(first, "tools/call flaky", ok(new AtomicBoolean()));
        first.writtenStatus();
        Answer answer = new Answer();
        serve(answer, "tools/call flaky", () -> {
            throw new IllegalStateException("a bug");
        });
        assertFalse(answer.detached);
        assertEquals(500, answer.returned.getStatus());
        assertTrue(String.valueOf(answer.returned.getEntity()).contains("Internal error"));
    }

    @Test
    void whenEveryWorkerIsBusyTheRequestRunsOnTheCallingThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Answer[] busy = new Answer[4];
        for (int i = 0; i < busy.length; i++) {
            busy[i] = new Answer();
            serve(busy[i], "tools/call slow", () -> {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Response.ok().build();
            });
        }
        Answer extra = new Answer();
        AtomicBoolean onWorker = new AtomicBoolean(true);
        serve(extra, "tools/call slow", ok(onWorker));
        assertTrue(extra.completed.isDone(), "answered before serve returned");
        assertFalse(onWorker.get());
        release.countDown();
        for (Answer answer : busy) {
            assertEquals(200, answer.writtenStatus());
        }
    }

    @Test
    void afterTheApplicationStoppedARequestIsStillAnswered() throws Exception {
        workers.stop();
        Answer answer = new Answer();
        serve(answer, "tools/call late", ok(new AtomicBoolean()));
        assertEquals(200, answer.writtenStatus());
    }

    @Test
    void stoppingInterruptsARunningRequestWhoseAnswerIsStillWritten() throws Exception {
        Answer answer = new Answer();
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        serve(answer, "tools/call stuck", () -> {
            running.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
            }
            return Response.ok().build();
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        workers.stop();
        assertTrue(interrupted.get());
        assertEquals(200, answer.writtenStatus(), "the request went on, interrupted");
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }

    @Test
    void aCheckedExceptionThrownWhereNoneWasDeclaredIsAnsweredWithAnInternalError() throws Exception {
        Answer answer = new Answer();
        serve(answer, "tools/call sneaky", () -> {
            throw sneaky(new java.io.IOException("thrown through an interceptor"));
        });
        assertEquals(500, answer.writtenStatus());
    }

    @Test
    void stoppingEndsTheServletRequestOfARequestThatIgnoresItsInterruptAndDropsItsLateAnswer() throws Exception {
        Answer answer = new Answer();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        serve(answer, "tools/call stubborn", () -> {
            running.countDown();
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    // ignored, as blocking I/O that cannot be interrupted would
                }
            }
            returned.countDown();
            return Response.ok().build();
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        long start = System.nanoTime();
        workers.stop();
        assertTrue(answer.completed.isDone(), "ended by stop()");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4), "within its 2 s wait");
        release.countDown();
        assertTrue(returned.await(5, TimeUnit.SECONDS));
        Thread.sleep(100); // the worker's finish, after its request was ended
        assertEquals(List.of(), answer.servlet.calls, "nothing written into an ended request");
    }

    @Test
    void whileAnInlineCallIsStuckTheNextCallOfItsKindGoesToAWorker() throws Exception {
        Answer first = new Answer();
        serve(first, "tools/call turns_slow", ok(new AtomicBoolean()));
        first.writtenStatus(); // on a worker, quick: the kind runs inline from now on
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Answer stuck = new Answer();
        AtomicBoolean stuckOnWorker = new AtomicBoolean(true);
        Thread http = new Thread(() -> serve(stuck, "tools/call turns_slow", () -> {
            stuckOnWorker.set(Thread.currentThread().getName().startsWith("mcp-request-"));
            running.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Response.ok().build();
        }));
        http.start();
        assertTrue(running.await(5, TimeUnit.SECONDS));
        assertFalse(stuckOnWorker.get(), "the kind was quick: the call ran on its HTTP thread");
        Thread.sleep(THRESHOLD.toMillis() * 2); // longer than the threshold without progress
        Answer next = new Answer();
        AtomicBoolean nextOnWorker = new AtomicBoolean();
        serve(next, "tools/call turns_slow", ok(nextOnWorker));
        assertEquals(200, next.writtenStatus());
        assertTrue(nextOnWorker.get());
        release.countDown();
        http.join(5000);
    }
}
