package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RequestDurationsTest {

    private static final long MS = 1_000_000L;

    private final RequestDurations durations = new RequestDurations(Duration.ofMillis(5), 4, 100);
    private long now = 1_000 * MS;

    /** Runs one call of the kind on the "HTTP thread" if allowed, else on a "worker"; true when it ran inline. */
    private boolean call(String kind, long nanos) {
        RequestDurations.Kind inline = durations.startInline(kind, now);
        now += nanos;
        if (inline != null) {
            durations.inlineEnded(inline, now, nanos);
            return true;
        }
        durations.took(kind, nanos);
        return false;
    }

    @Test
    void aKindNeverSeenGoesToAWorker() {
        assertNull(durations.startInline("tools/call echo", now));
    }

    @Test
    void aKindWhoseCallsAreQuickRunsInline() {
        call("tools/call echo", MS / 10);
        assertTrue(call("tools/call echo", MS / 10));
        assertNull(durations.startInline("tools/call other", now), "each kind is judged on its own calls");
    }

    @Test
    void aKindWhoseFirstCallWasSlowGoesToAWorker() {
        call("tools/call calendar_events", 200 * MS);
        assertNull(durations.startInline("tools/call calendar_events", now));
    }

    @Test
    void oneSlowCallOfAQuickKindSendsTheNextCallsToWorkers() {
        for (int i = 0; i < 50; i++) {
            call("tools/call calendar_events", MS / 10);
        }
        assertTrue(call("tools/call calendar_events", 200 * MS), "it was quick: it ran inline");
        assertNull(durations.startInline("tools/call calendar_events", now));
    }

    @Test
    void aSlowKindComesBackAfterADozenQuickCalls() {
        call("tools/call calendar_events", 200 * MS);
        int quickCalls = 0;
        while (!call("tools/call calendar_events", MS / 10)) {
            quickCalls++;
        }
        assertTrue(quickCalls >= 10 && quickCalls <= 16, "quick calls needed: " + quickCalls);
    }

    @Test
    void aShortPauseDoesNotMoveAQuickKind() {
        for (int i = 0; i < 20; i++) {
            call("tools/call echo", MS / 10);
        }
        call("tools/call echo", 15 * MS); // a young collection or a preempted thread
        assertTrue(call("tools/call echo", MS / 10));
    }

    @Test
    void whileAnInlineCallOfItsKindIsStuckTheNextGoToWorkers() {
        call("tools/call calendar_events", MS / 10);
        RequestDurations.Kind stuck = durations.startInline("tools/call calendar_events", now);
        assertNotNull(stuck);
        now += 2 * MS;
        assertNotNull(durations.startInline("tools/call calendar_events", now), "2 ms: not stuck yet");
        now += 4 * MS;
        assertNull(durations.startInline("tools/call calendar_events", now),
                "no call of the kind started or ended for 5 ms while some run: they wait");
        call("tools/call echo", MS / 10);
        assertNotNull(durations.startInline("tools/call echo", now), "other kinds are not affected");
    }

    @Test
    void atMostMaxInlineRequestsRunOnHttpThreadsAtOnce() {
        for (String kind : new String[] {"tools/call a", "tools/call b"}) {
            call(kind, MS / 10);
        }
        for (int i = 0; i < 4; i++) {
            assertNotNull(durations.startInline(i % 2 == 0 ? "tools/call a" : "tools/call b", now), "call " + i);
        }
        assertNull(durations.startInline("tools/call a", now));
        assertNull(durations.startInline("tools/call b", now));
    }

    @Test
    void anEndedInlineCallFreesItsPlace() {
        call("tools/call a", MS / 10);
        RequestDurations.Kind[] running = new RequestDurations.Kind[4];
        for (int i = 0; i < 4; i++) {
            running[i] = durations.startInline("tools/call a", now);
        }
        assertNull(durations.startInline("tools/call a", now));
        durations.inlineEnded(running[0], now, MS / 10);
        assertNotNull(durations.startInline("tools/call a", now));
    }

    @Test
    void theKindNamesTheToolOrPromptWhenThereIsOne() {
        assertEquals("tools/call echo", RequestDurations.kind("tools/call", "echo"));
        assertEquals("resources/read", RequestDurations.kind("resources/read", null));
    }

    @Test
    void aMethodOrNameNoServerCouldHaveIsOneKindOfSmallSize() {
        String huge = "x".repeat(100_000);
        assertEquals("tools/call ?", RequestDurations.kind("tools/call", huge));
        assertEquals("tools/call ?", RequestDurations.kind("tools/call", "no spaces allowed"));
        assertEquals("?", RequestDurations.kind(huge, null));
        assertEquals("?", RequestDurations.kind(null, null));
    }

    @Test
    void namesFollowMcpToolNameSyntaxAndMethodsMayHaveSlashes() {
        String longest = "a".repeat(128);
        assertEquals("tools/call " + longest, RequestDurations.kind("tools/call", longest));
        assertEquals("tools/call ?", RequestDurations.kind("tools/call", longest + "a"));
        assertEquals("prompts/get Az09_.-", RequestDurations.kind("prompts/get", "Az09_.-"));
        for (String name : new String[] {"", "a/b", "caf\u00e9", "a b", "a:b", "\u0661"}) {
            assertEquals("tools/call ?", RequestDurations.kind("tools/call", name), name);
        }
        assertEquals("notifications/roots/list_changed", RequestDurations.kind("notifications/roots/list_changed",
                null));
        assertEquals("a".repeat(64), RequestDurations.kind("a".repeat(64), null));
        assertEquals("?", RequestDurations.kind("a".repeat(65), null));
        assertEquals("?", RequestDurations.kind("", null));
        assertEquals("?", RequestDurations.kind("tools call", null));
    }
}
