package dev.delegatemcp.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.delegatemcp.api.DownstreamAudit;
import jakarta.json.JsonObject;

class ExchangeAuditorTest {

    private static final Instant TIME = AuditLineTest.TIME;

    private static JsonObject parse(String text) {
        return AuditLineTest.parse(text);
    }

    private static DownstreamAudit full(DownstreamAudit.Outcome outcome) {
        return AuditLineTest.full(outcome);
    }

    /** CDI is absent here: the event is a no-op. */
    private static ExchangeAuditor auditorWritingTo(java.nio.file.Path dir, int limit) {
        return auditorWritingTo(dir, limit, "PT0.01S");
    }

    @SuppressWarnings("unchecked")
    private static ExchangeAuditor auditorWritingTo(java.nio.file.Path dir, int limit, String writeInterval) {
        ExchangeAuditor auditor = new ExchangeAuditor();
        auditor.writeInterval = writeInterval;
        auditor.events = (jakarta.enterprise.event.Event<DownstreamAudit>) java.lang.reflect.Proxy.newProxyInstance(
                ExchangeAuditorTest.class.getClassLoader(), new Class<?>[] {jakarta.enterprise.event.Event.class},
                (proxy, method, args) -> null);
        auditor.auditFile = java.util.Optional.of(dir.resolve("audit%g.jsonl").toString());
        auditor.auditFileLimit = limit;
        auditor.auditFileCount = 3;
        return auditor;
    }

    @Test
    void withAnAuditFileEveryRecordIsOneBareJsonLineThereInOrder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ExchangeAuditor auditor = auditorWritingTo(dir, 0);
        auditor.startWriter();
        try {
            for (int i = 0; i < 50; i++) {
                auditor.record(new DownstreamAudit(TIME, "user-" + i, null, null, "mcp-server", "calendar", "USER",
                        List.of(), DownstreamAudit.Outcome.GRANTED, null, i > 0, i));
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
        ExchangeAuditor auditor = auditorWritingTo(dir, 2_000);
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
    void recordsThatArriveWithinOneWriteIntervalAreWrittenTogether(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ExchangeAuditor auditor = auditorWritingTo(dir, 0, "PT2S");
        CountingHandler writes = new CountingHandler();
        ExchangeAuditor.AUDIT_LOG.addHandler(writes);
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
            ExchangeAuditor.AUDIT_LOG.removeHandler(writes);
        }
    }

    @Test
    void shutdownWritesWhatWaitsWithoutWaitingForTheInterval(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ExchangeAuditor auditor = auditorWritingTo(dir, 0, "PT1H");
        auditor.startWriter();
        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            auditor.record(new DownstreamAudit(TIME, "user-" + i, null, null, "mcp-server", "calendar", "USER",
                    List.of(), DownstreamAudit.Outcome.GRANTED, null, true, i));
        }
        auditor.stopWriter();
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(30), "did not wait an hour");
        List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("audit0.jsonl"));
        assertEquals(30, lines.size());
        for (int i = 0; i < 30; i++) {
            assertEquals("user-" + i, parse(lines.get(i)).getString("user"), "in order");
        }
    }

    @Test
    void theWriteIntervalIsAnIsoDurationAndAMalformedOneFallsBackTo100Milliseconds() {
        assertEquals(250, ExchangeAuditor.writeIntervalMillis(" PT0.25S "));
        assertEquals(0, ExchangeAuditor.writeIntervalMillis("PT0S"));
        assertEquals(0, ExchangeAuditor.writeIntervalMillis("-PT1S"));
        assertEquals(100, ExchangeAuditor.writeIntervalMillis("100ms"));
    }

    @Test
    void aRecordThatCannotBeWrittenDoesNotStopTheWriter(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ExchangeAuditor auditor = auditorWritingTo(dir, 0, "PT0.05S");
        auditor.startWriter();
        DownstreamAudit broken = new DownstreamAudit(TIME, "before", null, null, "mcp-server", "calendar", "USER",
                List.of(), null, null, false, 1); // no outcome: cannot be formatted
        auditor.record(new DownstreamAudit(TIME, "first", null, null, "mcp-server", "calendar", "USER", List.of(),
                DownstreamAudit.Outcome.GRANTED, null, true, 1));
        auditor.record(broken);
        Thread.sleep(300); // the writer has met the broken record
        auditor.record(new DownstreamAudit(TIME, "after", null, null, "mcp-server", "calendar", "USER", List.of(),
                DownstreamAudit.Outcome.GRANTED, null, true, 1));
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
