package dev.delegatemcp.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.delegatemcp.api.DownstreamAudit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/**
 * Emits each {@link DownstreamAudit} record twice: as a CDI event applications can observe (at once, on the
 * caller's thread; not fired when the application has no observer of it), and as one JSON line on the {@code dev.delegatemcp.audit} logger. The line is formatted and
 * written by one background writer, in order: doing either on every tool call's own thread made the audit most of
 * the cost of a cached credential under load. The writer wakes at most once per {@code mcp.audit.write-interval}
 * (default 100 ms) and writes what gathered meanwhile: waking it for every record cost a thread switch per tool call.
 * Callers add to a lock-free queue: on a lock, callers queued behind one another, and each release woke the next
 * (JFR). Nothing is dropped: when the queue is full the caller writes its line itself; on shutdown the writer writes
 * what is left.
 * <p>
 * Where the lines go: with {@code mcp.audit.file} set (a {@link FileHandler} pattern, e.g.
 * {@code /var/log/mcp/audit%g.jsonl}), the logger writes bare JSON lines to that rotating file only
 * ({@code mcp.audit.file.limit} bytes per file, {@code mcp.audit.file.count} files), which is both an audit trail
 * apart from diagnostics and far cheaper than the server's message log; otherwise they go where the server's logging
 * sends INFO records (Liberty: messages.log).
 */
@ApplicationScoped
public class CredentialAuditor {

    static final Logger AUDIT_LOG = Logger.getLogger("dev.delegatemcp.audit");
    private static final Logger LOG = Logger.getLogger(CredentialAuditor.class.getName());
    private static final int QUEUE_CAPACITY = 10_000;
    private static final int MAX_BATCH = 256;

    @Inject
    Event<DownstreamAudit> events;

    @Inject
    BeanManager beans;

    /**
     * Whether any observer method takes the audit events: when none does, {@link #record} does not fire them (Weld's
     * fire with no observer still cost about 0.2 % of CPU on a {@code @Downstream} tool call, JFR). Observer methods
     * are fixed once the application is deployed (CDI 4.0, section 11.5 "Container lifecycle events"), so one look
     * at start suffices.
     */
    private boolean observed;

    @Inject
    AuditConfig config;

    private long writeIntervalMillis;

    private FileHandler fileHandler;

    private final Queue<DownstreamAudit> pending = new ConcurrentLinkedQueue<>();
    /** Records in {@link #pending}, counted apart: the queue's own size() walks it. */
    private final AtomicInteger pendingCount = new AtomicInteger();
    /**
     * Set by the writer before it parks on an empty queue; the one caller that takes it back (compare-and-set) unparks
     * the writer. Every caller that saw it set used to unpark: until the woken writer got a processor and cleared it,
     * the callers of a busy server each unparked it again. JFR put those unparks at 0.7 us of a cached credential's
     * request, but JFR counts threads that wait for a processor as running (bench/README): what one unpark per wake
     * saves was not measured apart.
     */
    private final AtomicBoolean writerIdle = new AtomicBoolean();
    private volatile Thread writer;

    @PostConstruct
    void startWriter() {
        observed = !beans.resolveObserverMethods(new DownstreamAudit(Instant.EPOCH, "", null, null, null, "", "",
                List.of(), DownstreamAudit.Outcome.GRANTED, null, false, 0, null), Default.Literal.INSTANCE).isEmpty();
        writeIntervalMillis = writeIntervalMillis(config.writeInterval());
        config.file().ifPresent(this::openAuditFile);
        Thread thread = new Thread(this::writeLines, "delegatemcp-audit-writer");
        thread.setDaemon(true);
        thread.start();
        writer = thread;
    }

    @PreDestroy
    void stopWriter() {
        Thread stopping = writer;
        stopping.interrupt();
        try {
            stopping.join(2_000); // let it write what waits, so the rest stay in order
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer = null; // from now on, callers write their lines themselves
        List<DownstreamAudit> rest = new ArrayList<>();
        drainTo(rest);
        // A caller that saw the writer before it was cleared may still be adding its record (it counts it first):
        // wait a little for it rather than drop it.
        long until = System.nanoTime() + 1_000_000_000L;
        while (pendingCount.get() > 0 && System.nanoTime() < until) {
            Thread.onSpinWait();
            drainTo(rest);
        }
        rest.forEach(audit -> AUDIT_LOG.info(AuditLine.of(audit)));
        if (fileHandler != null) {
            AUDIT_LOG.removeHandler(fileHandler);
            AUDIT_LOG.setUseParentHandlers(true);
            fileHandler.close();
        }
    }

    /** The interval in milliseconds, a negative one as 0. */
    static long writeIntervalMillis(Duration configured) {
        return Math.max(0, configured.toMillis());
    }

    private void openAuditFile(String pattern) {
        try {
            Path parent = Path.of(pattern).toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileHandler handler = new FileHandler(pattern, Math.max(0, config.fileLimit()),
                    Math.max(1, config.fileCount()), true);
            handler.setEncoding(StandardCharsets.UTF_8.name());
            handler.setFormatter(new AuditLineFormatter());
            AUDIT_LOG.addHandler(handler);
            AUDIT_LOG.setUseParentHandlers(false);
            fileHandler = handler;
        } catch (IOException | RuntimeException e) {
            CredentialsMessages.AUDIT_FILE_NOT_WRITABLE.log(LOG, pattern, e.getClass().getSimpleName());
        }
    }

    /** Each record as its message alone, one per line: the JSON line is complete by itself. */
    static final class AuditLineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + System.lineSeparator();
        }
    }

    /**
     * {@link #record} bound to this instance itself. The credential service keeps it instead of calling through
     * the CDI client proxy: inside an interceptor (every {@code @Downstream} tool call) each proxied call pushes and
     * removes a thread-local, which JFR showed as a third of the audit's cost on the caller's thread. Safe to keep:
     * this bean lives as long as the application.
     */
    public Consumer<DownstreamAudit> recorder() {
        return this::record;
    }

    public void record(DownstreamAudit audit) {
        if (observed) {
            events.fire(audit);
        }
        if (AUDIT_LOG.isLoggable(Level.INFO) && !enqueue(audit)) {
            AUDIT_LOG.info(AuditLine.of(audit));
        }
    }

    /** @return false when there is no writer or the queue is full: then the caller writes the line itself */
    private boolean enqueue(DownstreamAudit audit) {
        Thread current = writer;
        if (current == null) {
            return false;
        }
        if (pendingCount.incrementAndGet() > QUEUE_CAPACITY) {
            pendingCount.decrementAndGet();
            return false;
        }
        pending.add(audit);
        if (writerIdle.get() && writerIdle.compareAndSet(true, false)) {
            LockSupport.unpark(current);
        }
        return true;
    }

    private void drainTo(List<DownstreamAudit> batch) {
        for (DownstreamAudit audit; (audit = pending.poll()) != null;) {
            pendingCount.decrementAndGet();
            batch.add(audit);
        }
    }

    /** Parks until a record waits (or the thread is interrupted); a caller unparks it only when it is idle. */
    private void awaitRecord() throws InterruptedException {
        while (pending.isEmpty()) {
            writerIdle.set(true);
            if (pending.isEmpty()) { // a record added before the flag was seen would otherwise wait for the next
                LockSupport.park(this);
            }
            writerIdle.set(false);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /**
     * Waits for a record, lets more gather for the write interval (producers meanwhile add to the queue without
     * waking anybody), then writes all that waits, in order. When interrupted (shutdown) it writes what is left and
     * ends.
     */
    private void writeLines() {
        List<DownstreamAudit> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                awaitRecord();
                Thread.sleep(writeIntervalMillis);
            } catch (InterruptedException e) {
                stopping = true;
            }
            drainTo(batch);
            for (int from = 0; from < batch.size(); from += MAX_BATCH) {
                List<DownstreamAudit> lines = batch.subList(from, Math.min(batch.size(), from + MAX_BATCH));
                try {
                    write(lines);
                } catch (RuntimeException e) { // one bad record must not stop the writer: write the others alone
                    lines.forEach(this::writeAlone);
                }
            }
            batch.clear();
        }
    }

    private void writeAlone(DownstreamAudit audit) {
        try {
            AUDIT_LOG.info(AuditLine.of(audit));
        } catch (RuntimeException e) {
            CredentialsMessages.AUDIT_RECORD_NOT_WRITTEN.log(LOG, audit.target(), e.getClass().getSimpleName());
        }
    }

    /**
     * To the audit file, what is waiting goes as one record of several lines (one write and one flush instead of one
     * per line); to the server log each line stays a record of its own.
     */
    private void write(List<DownstreamAudit> batch) {
        if (fileHandler == null || batch.size() == 1) {
            batch.forEach(audit -> AUDIT_LOG.info(AuditLine.of(audit)));
            return;
        }
        StringBuilder lines = new StringBuilder(batch.size() * 320);
        for (DownstreamAudit audit : batch) {
            if (lines.length() > 0) {
                lines.append(System.lineSeparator());
            }
            AuditLine.appendTo(lines, audit);
        }
        AUDIT_LOG.info(lines.toString());
    }
}
