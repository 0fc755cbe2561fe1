package dev.delegatemcp.server.transport.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.delegatemcp.server.ServerMessages;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.context.ThreadContext;

/**
 * Serves MCP requests that may wait on I/O (a tool calling a downstream service, an STS, a vault or a remote MCP
 * server; a question to the client; a listen stream) on threads of their own, so that the HTTP request's thread
 * returns to Liberty at once (Servlet asynchronous processing, {@link DetachedResponse}). Requests waiting on a slow
 * downstream then do not hold the threads that the rest of the server, or the downstream itself when it runs in this
 * server, needs.
 * <p>
 * Which requests run on the HTTP thread instead is learnt per kind (a method with the tool or prompt it names,
 * {@link RequestDurations}): a kind seen to answer within {@code mcp.transport.worker-threshold}, while none of its
 * calls on HTTP threads is stuck, and while fewer requests than there are CPUs run on HTTP threads. Handing a request
 * to another thread is not free: measured with {@code bench/peers/run} on 2 CPUs, {@code tools/call echo} cost 131-172
 * us of CPU per call on a worker against 91-111 us on its HTTP thread (when both were asynchronous JAX-RS requests;
 * the HTTP thread's path has since become synchronous, and cheaper). So a kind that turns slow holds at most one of
 * Liberty's threads per CPU, for at most that threshold before its next calls go to workers.
 * <p>
 * Why a pool of its own rather than Liberty's: Liberty's executor grows only on its controller's cycles, so requests
 * that wait had either to find a large pool already started ({@code coreThreads}, which made every request dearer:
 * Liberty hands work to its idle threads in turn, 256 of them made {@code tools/call echo} cost 132 us against 92 us)
 * or to queue behind each other (64 calls waiting 200 ms made other calls wait up to 0.9 s). This pool starts a thread
 * when none is idle, up to {@code mcp.transport.max-request-threads} (listen streams count: each holds one while it
 * lasts), and hands work to the most recently idle thread first (a non-fair {@link SynchronousQueue} is a stack), so a
 * small, warm set of threads serves a steady load. When all are busy, the request runs on its HTTP thread.
 * <p>
 * A request on a worker runs with the security and application context (class loader, {@code java:comp}) of the HTTP
 * request that submitted it, as MicroProfile Context Propagation 1.3 carries them, no transaction, and a CDI request
 * context of its own ({@link WorkerRequestContext}): request-scoped beans such as the caller are made again there, so
 * what they are made from must not be the servlet request (see {@code InboundToken.actingFor}). The response is then
 * written through the servlet response on the worker, outside that context ({@link DetachedResponse}: every entity
 * here is a String). When the application stops, the requests still running are interrupted (as a cancellation), and
 * after 2 s any still unanswered are ended.
 */
@ApplicationScoped
public class RequestWorkers {

    private static final Logger LOG = Logger.getLogger(RequestWorkers.class.getName());

    @Inject
    TransportConfig config;

    @Inject
    WorkerRequestContext requestContext;

    /** Carries the submitting request's context onto the worker (MicroProfile Context Propagation's ThreadContext). */
    private UnaryOperator<Supplier<Response>> contextual;
    private ThreadPoolExecutor pool;
    private RequestDurations durations;
    /** Whether detaching a request was refused once already (logged once). */
    private final AtomicBoolean detachRefused = new AtomicBoolean();
    /** The requests handed to a worker and not answered yet. */
    private final Set<DetachedResponse> open = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void start() {
        ThreadContext context = ThreadContext.builder().propagated(ThreadContext.SECURITY, ThreadContext.APPLICATION)
                .cleared(ThreadContext.TRANSACTION).unchanged(ThreadContext.ALL_REMAINING).build();
        // At most one request per CPU on Liberty's threads: more would not compute faster, and requests that turned
        // slow then hold at most that many of Liberty's threads (it starts with two per CPU).
        start(config.maxRequestThreads(), Runtime.getRuntime().availableProcessors(), config.workerThreshold(),
                request -> withTraceContext(context.contextualSupplier(() -> requestContext.run(request))));
    }

    /**
     * {@code request} in the submitting thread's OpenTelemetry context (the HTTP request's span), which
     * {@link ThreadContext} does not carry: the spans a worker starts are then that span's children.
     */
    static Supplier<Response> withTraceContext(Supplier<Response> request) {
        Context submitting = Context.current();
        return () -> {
            try (Scope scope = submitting.makeCurrent()) {
                return request.get();
            }
        };
    }

    /** Starts the pool; for tests, with a context of their own. */
    void start(int maxThreads, int maxInline, Duration threshold, UnaryOperator<Supplier<Response>> contextual) {
        this.contextual = contextual;
        durations = new RequestDurations(threshold, maxInline, 10_000);
        // All workers busy, or the application stopping: the request runs on its HTTP thread (CallerRunsPolicy would
        // drop it once the pool is shut down, leaving its client without an answer).
        RejectedExecutionHandler onHttpThread = (task, full) -> task.run();
        pool = new ThreadPoolExecutor(0, maxThreads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), new Named(),
                onHttpThread);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow(); // interrupts the requests still running: cancelled, as when their client cancels
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        open.forEach(detached -> detached.finish(null)); // any left: their workers did not end in time
    }

    /**
     * Serves a request: on the calling thread (the HTTP request's) when requests of this kind are quick, returning
     * its answer for JAX-RS to write; else on a worker thread in the submitting request's context (or on the calling
     * thread when every worker is busy), the answer then being written through the servlet response
     * ({@link DetachedResponse}). The request has no time limit here: it ends when it returns. An exception or error
     * from it answers 500 with a JSON-RPC internal error and is logged without its message (it may hold request data).
     *
     * @param detach detaches the request from its HTTP thread ({@link DetachedResponse#detach}); called on the
     *        calling thread, only for a request that goes to a worker; when it refuses ({@link IllegalStateException})
     *        the request is served on the calling thread
     * @param kind what the request does, {@link RequestDurations#kind}; null for a request that is always served on a
     *        worker (one that holds its thread for as long as a stream lasts)
     * @param request the rest of the request's work; {@code null} from it means the response was written already (an
     *        event stream)
     * @return the answer for JAX-RS to write; null when there is nothing for JAX-RS to write: the request went to a
     *         worker, or its response was written as an event stream
     */
    public Response serve(Supplier<DetachedResponse> detach, String kind, Supplier<Response> request) {
        RequestDurations.Kind inline = kind == null ? null : durations.startInline(kind, System.nanoTime());
        if (inline != null) {
            long start = System.nanoTime();
            try {
                return answer(request);
            } finally {
                long end = System.nanoTime();
                durations.inlineEnded(inline, end, end - start);
            }
        }
        Supplier<Response> inContext;
        try {
            inContext = contextual.apply(request);
        } catch (RuntimeException e) {
            return answer(request); // no context to carry (the application is stopping): served here
        }
        DetachedResponse detached;
        try {
            detached = detach.get();
        } catch (IllegalStateException e) {
            // The servlet request cannot be made asynchronous (a filter of the chain does not support it): served
            // here, with a message for the operator once.
            if (!detachRefused.getAndSet(true)) {
                LOG.log(Level.SEVERE, "MCP requests that wait cannot be handed to worker threads ({0}); they run on"
                        + " their HTTP request threads", e.getClass().getName());
            }
            return answer(request);
        }
        AtomicBoolean ran = new AtomicBoolean();
        Runnable work = () -> {
            if (ran.getAndSet(true)) {
                return; // run already: execute() failed after a worker took it (see below); never twice
            }
            long start = System.nanoTime();
            Response response = null;
            try {
                response = answer(inContext);
                if (kind != null) {
                    durations.took(kind, System.nanoTime() - start);
                }
            } finally {
                open.remove(detached);
                detached.finish(response); // null: written as an event stream already, or nothing to answer with
            }
        };
        open.add(detached);
        try {
            pool.execute(work);
        } catch (RuntimeException | Error e) {
            work.run(); // no thread could be started for it (the pool's own refusals run it here already)
        }
        return null;
    }

    /**
     * What the request answers; null when it wrote its response as an event stream already. Whatever it throws
     * (an error, or a checked exception thrown where none was declared) is answered 500, since a request left
     * unanswered would hold its client, and Liberty when it stops; the message is not logged, it may hold request
     * data, where it was thrown is.
     */
    @SuppressWarnings("java:S1181") // Throwable on purpose, see above
    private static Response answer(Supplier<Response> request) {
        try {
            return request.get();
        } catch (Throwable e) {
            try {
                ServerMessages.REQUEST_FAILED.logWithStack(LOG, e, e.getClass().getName());
            } catch (Throwable logFailed) {
                // e.g. out of memory while copying the stack: the request is still answered below
            }
            return McpEndpoint.error(Response.Status.INTERNAL_SERVER_ERROR, null, JsonRpcErrorCodes.INTERNAL_ERROR,
                    "Internal error");
        }
    }

    /** The pool's threads: daemon, named {@code mcp-request-<n>}. */
    private static final class Named implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "mcp-request-" + next.incrementAndGet());
            thread.setDaemon(true);
            // Not the creating request's class loader: each task runs with its own request's (ThreadContext), and a
            // thread kept past a redeployment must not hold the old application.
            thread.setContextClassLoader(null);
            return thread;
        }
    }
}
