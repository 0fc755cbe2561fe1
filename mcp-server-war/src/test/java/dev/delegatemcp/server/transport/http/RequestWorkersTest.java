package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.servlet.AsyncContext;
import jakarta.ws.rs.container.AsyncResponse;
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

    /** An AsyncResponse that records what it was resumed with (and can refuse, as JAX-RS does when it is done). */
    private static final class Answer {
        final CompletableFuture<Object> resumed = new CompletableFuture<>();
        final CompletableFuture<Boolean> completed = new CompletableFuture<>();
        final boolean accepts;
        boolean resumeThrows;

        Answer(boolean accepts) {
            this.accepts = accepts;
        }

        AsyncResponse async() {
            return (AsyncResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {AsyncResponse.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "resume":
                                if (resumeThrows) {
                                    throw new IllegalStateException("the application is stopping");
                                }
                                resumed.complete(args[0]);
                                return accepts;
                            case "setTimeout":
                                return true;
                            default:
                                throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }

        AsyncContext servlet() {
            return (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {AsyncContext.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "complete":
                                completed.complete(true);
                                return null;
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            case "equals":
                                return proxy == args[0];
                            default:
                                throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }

        Object response() throws Exception {
            return resumed.get(5, TimeUnit.SECONDS);
        }
    }

    private static Supplier<Response> ok(AtomicBoolean onWorker) {
        return () -> {
            onWorker.set(Thread.currentThread().getName().startsWith("mcp-request-"));
            return Response.ok("{}").build();
        };
    }

    @Test
    void aKindNotSeenYetRunsOnAWorkerInTheRequestsContext() throws Exception {
        Answer answer = new Answer(true);
        AtomicBoolean onWorker = new AtomicBoolean();
        workers.serve(answer.async(), answer.servlet(), "tools/call calendar_events", ok(onWorker));
        assertEquals(200, ((Response) answer.response()).getStatus());
        assertTrue(onWorker.get());
        assertEquals(1, contextsApplied.get(), "the submitting request's context is carried to the worker");
    }

    @Test
    void aQuickKindRunsOnTheCallingThreadOnceItsCallsWereQuick() throws Exception {
        Answer first = new Answer(true);
        workers.serve(first.async(), first.servlet(), "tools/call echo", ok(new AtomicBoolean()));
        first.response();
        Answer second = new Answer(true);
        AtomicBoolean onWorker = new AtomicBoolean(true);
        workers.serve(second.async(), second.servlet(), "tools/call echo", ok(onWorker));
        assertTrue(second.resumed.isDone(), "answered before serve returned: on the calling thread");
        assertFalse(onWorker.get());
    }

    @Test
    void aListenStreamAlwaysRunsOnAWorker() throws Exception {
        for (int i = 0; i < 3; i++) {
            Answer answer = new Answer(true);
            AtomicBoolean onWorker = new AtomicBoolean();
            workers.serve(answer.async(), answer.servlet(), null, ok(onWorker));
            answer.response();
            assertTrue(onWorker.get(), "call " + i);
        }
    }

    @Test
    void aResponseWrittenAsAnEventStreamEndsTheServletRequestWithoutJaxRs() throws Exception {
        Answer answer = new Answer(true);
        workers.serve(answer.async(), answer.servlet(), "tools/call progress", () -> null);
        assertTrue(answer.completed.get(5, TimeUnit.SECONDS));
        assertFalse(answer.resumed.isDone(), "JAX-RS would write an empty response into the finished stream");
    }

    @Test
    void aResponseJaxRsNoLongerTakesEndsTheServletRequest() throws Exception {
        Answer answer = new Answer(false);
        workers.serve(answer.async(), answer.servlet(), "tools/call echo", ok(new AtomicBoolean()));
        answer.response();
        assertTrue(answer.completed.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aFailingRequestIsAnsweredWithAnInternalErrorEvenForAnError() throws Exception {
        Answer answer = new Answer(true);
        workers.serve(answer.async(), answer.servlet(), "tools/call broken", () -> {
            throw new StackOverflowError();
        });
        Response response = (Response) answer.response();
        assertEquals(500, response.getStatus());
        assertTrue(String.valueOf(response.getEntity()).contains("Internal error"));
    }

    @Test
    void whenEveryWorkerIsBusyTheRequestRunsOnTheCallingThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Answer[] busy = new Answer[4];
        for (int i = 0; i < busy.length; i++) {
            busy[i] = new Answer(true);
            workers.serve(busy[i].async(), busy[i].servlet(), "tools/call slow", () -> {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Response.ok().build();
            });
        }
        Answer extra = new Answer(true);
        AtomicBoolean onWorker = new AtomicBoolean(true);
        workers.serve(extra.async(), extra.servlet(), "tools/call slow", ok(onWorker));
        assertTrue(extra.resumed.isDone());
        assertFalse(onWorker.get());
        release.countDown();
        for (Answer answer : busy) {
            answer.response();
        }
    }

    @Test
    void afterTheApplicationStoppedARequestIsStillAnswered() throws Exception {
        workers.stop();
        Answer answer = new Answer(true);
        workers.serve(answer.async(), answer.servlet(), "tools/call late", ok(new AtomicBoolean()));
        assertEquals(200, ((Response) answer.response()).getStatus());
    }

    @Test
    void stoppingInterruptsARunningRequestAndEndsItsServletRequest() throws Exception {
        Answer answer = new Answer(false);
        CountDownLatch running = new CountDownLatch(1);
        workers.serve(answer.async(), answer.servlet(), "tools/call stuck", () -> {
            running.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Response.ok().build();
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        workers.stop();
        assertTrue(answer.completed.get(5, TimeUnit.SECONDS));
        assertEquals(200, ((Response) answer.response()).getStatus(), "the request went on, interrupted");
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }

    @Test
    void aCheckedExceptionThrownWhereNoneWasDeclaredIsAnsweredWithAnInternalError() throws Exception {
        Answer answer = new Answer(true);
        workers.serve(answer.async(), answer.servlet(), "tools/call sneaky", () -> {
            throw sneaky(new java.io.IOException("thrown through an interceptor"));
        });
        assertEquals(500, ((Response) answer.response()).getStatus());
    }

    @Test
    void whenJaxRsFailsToTakeTheResponseTheServletRequestIsEnded() throws Exception {
        Answer answer = new Answer(true);
        answer.resumeThrows = true;
        workers.serve(answer.async(), answer.servlet(), "tools/call echo", ok(new AtomicBoolean()));
        assertTrue(answer.completed.get(5, TimeUnit.SECONDS));
    }

    @Test
    void stoppingEndsTheServletRequestOfARequestThatIgnoresItsInterrupt() throws Exception {
        Answer answer = new Answer(true);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        workers.serve(answer.async(), answer.servlet(), "tools/call stubborn", () -> {
            running.countDown();
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    // ignored, as blocking I/O that cannot be interrupted would
                }
            }
            return Response.ok().build();
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        long start = System.nanoTime();
        workers.stop();
        assertTrue(answer.completed.isDone(), "ended by stop()");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4), "within its 2 s wait");
        release.countDown();
    }

    @Test
    void whileAnInlineCallIsStuckTheNextCallOfItsKindGoesToAWorker() throws Exception {
        Answer first = new Answer(true);
        workers.serve(first.async(), first.servlet(), "tools/call turns_slow", ok(new AtomicBoolean()));
        first.response(); // on a worker, quick: the kind runs inline from now on
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Answer stuck = new Answer(true);
        AtomicBoolean stuckOnWorker = new AtomicBoolean(true);
        Thread http = new Thread(() -> workers.serve(stuck.async(), stuck.servlet(), "tools/call turns_slow", () -> {
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
        Answer next = new Answer(true);
        AtomicBoolean nextOnWorker = new AtomicBoolean();
        workers.serve(next.async(), next.servlet(), "tools/call turns_slow", ok(nextOnWorker));
        next.response();
        assertTrue(nextOnWorker.get());
        release.countDown();
        http.join(5000);
    }
}
