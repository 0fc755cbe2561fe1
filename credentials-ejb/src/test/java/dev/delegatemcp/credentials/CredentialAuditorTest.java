package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import dev.delegatemcp.api.DownstreamAudit;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class CredentialAuditorTest {

    private static final Instant TIME = AuditLineTest.TIME;

    private static JsonObject parse(String text) {
        return AuditLineTest.parse(text);
    }

    private static DownstreamAudit full(DownstreamAudit.Outcome outcome) {
        return AuditLineTest.full(outcome);
    }

    /** CDI is absent here: the event is a no-op. */
    private static CredentialAuditor auditorWritingTo(java.nio.file.Path dir, int limit) {
        return auditorWritingTo(dir, limit, "PT0.01S");
    }

    private static CredentialAuditor auditorWritingTo(java.nio.file.Path dir, int limit, String writeInterval) {
        return auditorWritingTo(dir, limit, writeInterval, List.of(), new java.util.ArrayList<>());
    }

    /** With a bean manager that resolves {@code observers}; the events fired go to {@code fired}. */
    @SuppressWarnings("unchecked")
    private static CredentialAuditor auditorWritingTo(java.nio.file.Path dir, int limit, String writeInterval,
            List<Object> observers, List<DownstreamAudit> fired) {
        CredentialAuditor auditor = new CredentialAuditor();
        auditor.config = ConfigPropertiesBinder.bind(AuditConfig.class, java.util.Map.of(
                "mcp.audit.write-interval", writeInterval,
                "mcp.audit.file", dir.resolve("audit%g.jsonl").toString(),
                "mcp.audit.file.limit", Integer.toString(limit),
                "mcp.audit.file.count", "3"));
        auditor.events = (jakarta.enterprise.event.Event<DownstreamAudit>) java.lang.reflect.Proxy.newProxyInstance(
                CredentialAuditorTest.class.getClassLoader(), new Class<?>[] {jakarta.enterprise.event.Event.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("fire")) {
                        fired.add((DownstreamAudit) args[0]);
                    }
                    return null;
                });
        auditor.beans = (jakarta.enterprise.inject.spi.BeanManager) java.lang.reflect.Proxy.newProxyInstance(
                CredentialAuditorTest.class.getClassLoader(),
                new Class<?>[] {jakarta.enterprise.inject.spi.BeanManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("resolveObserverMethods")
                            && args[0] instanceof DownstreamAudit) {
                        return java.util.Set.copyOf(observers);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return auditor;
    }

    @Test
    void theAuditEventIsFiredWhenTheApplicationObservesItAndNotOtherwise(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        List<DownstreamAudit> fired = new java.util.ArrayList<>();
        CredentialAuditor observed = auditorWritingTo(dir.resolve("observed"), 0, "PT0.01S", List.of("an observer"),
                fired);
        observed.startWriter();
        try {
            observed.record(full(DownstreamAudit.Outcome.GRANTED));
        } finally {
            observed.stopWriter();
        }
        assertEquals(1, fired.size(), "an observer takes the event");

        CredentialAuditor unobserved = auditorWritingTo(dir.resolve("unobserved"), 0, "PT0.01S", List.of(), fired);
        unobserved.startWriter();
        try {
            unobserved.record(full(DownstreamAudit.Outcome.GRANTED));
        } finally {
            unobserved.stopWriter();
        }
        assertEquals(1, fired.size(), "no observer: nothing fired");
        assertEquals(1, java.nio.file.Files.readAllLines(dir.resolve("unobserved").resolve("audit0.jsonl")).size(),
                "the line is written either way");
    }

    @Test
    void withAnAuditFileEveryRecordIsOneBareJsonLineThereInOrder(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        CredentialAuditor auditor = auditorWritingTo(dir, 0);
        auditor.startWriter();
        try {
            for (int i = 0; i < 50; i++) {
                auditor.record(new DownstreamAudit(TIME, "user-" + i, null, null, "mcp-server", "calendar", "USER",
                        List.of(), DownstreamAudit.Outcome.GRANTED, null, i > 0, i, null));
            }
        } finally {
            auditor.stopWriter();
        }
        List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("audit0.jsonl"));
        assertEquals(50, lines.size());
        for (int i = 0; i < 50; i++) {
            JsonObject record = parse(lines.get(i));
            assertEquals("user-" + i, record.getString("user"));
            assertEquals(i, record.getInt("duration_ms"));
        }
    }

    @Test
    void theAuditFileRotatesAtItsLimit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        CredentialAuditor auditor = auditorWritingTo(dir, 2_000);
        auditor.startWriter();
        try {
            for (int i = 0; i < 40; i++) {
                auditor.record(full(DownstreamAudit.Outcome.GRANTED));
            }
        } finally {
            auditor.stopWriter();
        }
        assertTrue(java.nio.file.Files.exists(dir.resolve("audit1.jsonl")), "rotated to a second file");
        // A batch of lines may overshoot the limit, but no line is ever split between files or lost.
        int lines = 0;
        for (String file : new String[] {"audit0.jsonl", "audit1.jsonl", "audit2.jsonl"}) {
            if (java.nio.file.Files.exists(dir.resolve(file))) {
                for (String line : java.nio.file.Files.readAllLines(dir.resolve(file))) {
                    assertEquals("downstream_credential", parse(line).getString("type"));
                    lines++;
                }
            }
        }
        assertTrue(lines > 0 && lines <= 40, "complete lines kept: " + lines);
    }

    /** Counts the log records the audit logger publishes (one per write to the audit file). */
    private static final class CountingHandler extends java.util.logging.Handler {
        final java.util.concurrent.atomic.AtomicInteger published = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void publish(java.util.logging.LogRecord record) {
            published.incrementAndGet();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void recordsThatArriveWithinOneWriteIntervalAreWrittenTogether(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        CredentialAuditor auditor = auditorWritingTo(dir, 0, "PT2S");
        CountingHandler writes = new CountingHandler();
        CredentialAuditor.AUDIT_LOG.addHandler(writes);
        auditor.startWriter();
        try {
            for (int i = 0; i < 100; i++) { // about 0.5 s in all: tool calls spread over the interval
                auditor.record(full(DownstreamAudit.Outcome.GRANTED));
                Thread.sleep(5);
            }
            java.nio.file.Path file = dir.resolve("audit0.jsonl");
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while ((!java.nio.file.Files.exists(file) || java.nio.file.Files.readAllLines(file).size() < 100)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(100, java.nio.file.Files.readAllLines(file).size(), "written before shutdown");
            // One wake-up of the writer for all of them: it does not write (or wake) once per record.
            assertTrue(writes.published.get() <= 2, "writes: " + writes.published.get());
        } finally {
            auditor.stopWriter();
            CredentialAuditor.AUDIT_LOG.removeHandler(writes);
        }
    }

    @Test
    void shutdownWritesWhatWaitsWithoutWaitingForTheInterval(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        CredentialAuditor auditor = auditorWritingTo(dir, 0, "PT1H");
        auditor.startWriter();
        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            auditor.record(new DownstreamAudit(TIME, "user-" + i, null, null, "mcp-server", "calendar", "USER",
                    List.of(), DownstreamAudit.Outcome.GRANTED, null, true, i, null));
        }
        auditor.stopWriter();
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(30),
                "did not wait an hour");
        List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("audit0.jsonl"));
        assertEquals(30, lines.size());
        for (int i = 0; i < 30; i++) {
            assertEquals("user-" + i, parse(lines.get(i)).getString("user"), "in order");
        }
    }

    private static List<String> linesWhenThereAre(java.nio.file.Path file, int expected) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while ((!java.nio.file.Files.exists(file) || java.nio.file.Files.readAllLines(file).size() < expected)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return java.nio.file.Files.exists(file) ? java.nio.file.Files.readAllLines(file) : List.of();
    }

    @Test
    void anIdleWriterWakesForTheNextRecord(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        CredentialAuditor auditor = auditorWritingTo(dir, 0, "PT0.01S");
        auditor.startWriter();
        try {
            Thread.sleep(200); // nothing to write: the writer waits idle
            auditor.record(full(DownstreamAudit.Outcome.GRANTED));
            assertEquals(1, linesWhenThereAre(dir.resolve("audit0.jsonl"), 1).size(), "written while running");
        } finally {
            auditor.stopWriter();
        }
    }

    @Test
    void recordsFromManyThreadsAtOnceAreAllWrittenWhileRunningEachThreadsInOrder(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        CredentialAuditor auditor = auditorWritingTo(dir, 0, "PT0S");
        auditor.startWriter();
        int threads = 8;
        int each = 1_000; // 8,000 in all: below the queue's capacity, where callers would write their own lines
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Thread> callers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String user = "user-" + t;
                Thread caller = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < each; i++) {
                        auditor.record(new DownstreamAudit(TIME, user, null, null, "mcp-server", "calendar", "USER",
                                List.of(), DownstreamAudit.Outcome.GRANTED, null, true, i, null));
                    }
                });
                caller.start();
                callers.add(caller);
            }
            start.countDown();
            for (Thread caller : callers) {
                caller.join();
            }
            // All written before shutdown: a caller that failed to wake the writer would leave its record waiting.
            List<String> lines = linesWhenThereAre(dir.resolve("audit0.jsonl"), threads * each);
            assertEquals(threads * each, lines.size());
            java.util.Map<String, Integer> next = new java.util.HashMap<>();
            for (String line : lines) {
                JsonObject record = parse(line);
                int expected = next.merge(record.getString("user"), 1, Integer::sum) - 1;
                assertEquals(expected, record.getInt("duration_ms"), "each caller's records in its order");
            }
        } finally {
            auditor.stopWriter();
        }
    }

    @Test
    void whenTheQueueIsFullTheCallerWritesItsOwnLineAndNothingIsLost(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        CredentialAuditor auditor = auditorWritingTo(dir, 0, "PT1H"); // the writer holds what waits for an hour
        auditor.startWriter();
        int capacity = 10_000;
        try {
            for (int i = 0; i < capacity + 3; i++) {
                auditor.record(new DownstreamAudit(TIME, "user-" + i, null, null, "mcp-server", "calendar", "USER",
                        List.of(), DownstreamAudit.Outcome.GRANTED, null, true, i, null));
            }
            List<String> written = linesWhenThereAre(dir.resolve("audit0.jsonl"), 3);
            assertEquals(List.of("user-10000", "user-10001", "user-10002"),
                    written.stream().map(line -> parse(line).getString("user")).toList(),
                    "past the queue's capacity, the callers wrote their lines at once");
        } finally {
            auditor.stopWriter();
        }
        assertEquals(capacity + 3, java.nio.file.Files.readAllLines(dir.resolve("audit0.jsonl")).size(),
                "the queued ones written on shutdown");
    }

    @Test
    void theWriteIntervalIsAnIsoDurationAndANegativeOneIsZero() {
        assertEquals(250, CredentialAuditor.writeIntervalMillis(java.time.Duration.parse("PT0.25S")));
        assertEquals(0, CredentialAuditor.writeIntervalMillis(java.time.Duration.ZERO));
        assertEquals(0, CredentialAuditor.writeIntervalMillis(java.time.Duration.parse("-PT1S")));
    }

    @Test
    void aRecordThatCannotBeWrittenDoesNotStopTheWriter(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        CredentialAuditor auditor = auditorWritingTo(dir, 0, "PT0.05S");
        auditor.startWriter();
        DownstreamAudit broken = new DownstreamAudit(TIME, "before", null, null, "mcp-server", "calendar", "USER",
                List.of(), null, null, false, 1, null); // no outcome: cannot be formatted
        auditor.record(new DownstreamAudit(TIME, "first", null, null, "mcp-server", "calendar", "USER", List.of(),
                DownstreamAudit.Outcome.GRANTED, null, true, 1, null));
        auditor.record(broken);
        Thread.sleep(300); // the writer has met the broken record
        auditor.record(new DownstreamAudit(TIME, "after", null, null, "mcp-server", "calendar", "USER", List.of(),
                DownstreamAudit.Outcome.GRANTED, null, true, 1, null));
        java.nio.file.Path file = dir.resolve("audit0.jsonl");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while ((!java.nio.file.Files.exists(file) || java.nio.file.Files.readAllLines(file).size() < 2)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<String> users = java.nio.file.Files.readAllLines(file).stream().map(line -> parse(line).getString("user"))
                .toList();
        auditor.stopWriter();
        assertEquals(List.of("first", "after"), users, "written while the server runs, the broken one left out");
    }
}
