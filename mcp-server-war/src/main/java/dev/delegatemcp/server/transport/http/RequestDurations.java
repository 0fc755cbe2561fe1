package dev.delegatemcp.server.transport.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Tells, for each kind of MCP request (a method, with the tool or prompt it names), whether a request of that kind
 * may run on the HTTP request's thread now, or must go to a worker because it may wait (on a downstream service, an
 * STS, a remote MCP server, the client). A request may run on its HTTP thread only when all of these hold:
 * <ul>
 * <li>its kind has been seen, and its recent calls took less than {@code threshold} on average (an exponentially
 * weighted moving average with weight 1/4 for the newest call: one call of 200 ms lifts a kind that took 0.1 ms above
 * 50 ms, and about a dozen quick calls bring it back under 5 ms);</li>
 * <li>no call of its kind running on an HTTP thread has gone without another one starting or ending for
 * {@code threshold} (a kind that turns slow is noticed while its first slow calls still run, not when they end);</li>
 * <li>fewer than {@code maxInline} requests of any kind run on HTTP threads (so requests that turned slow hold at most
 * that many of Liberty's threads, whatever was learnt).</li>
 * </ul>
 * Updates from concurrent calls may overwrite each other; the average stays an average of recent calls. Thread-safe;
 * at most {@code maxKinds} kinds are remembered (the least used are forgotten, and go to workers again).
 */
final class RequestDurations {

    /** MCP's rule for tool names (MCP 2025-11-25, Tools, Tool names), used for prompt names too: at most this long. */
    private static final int NAME_LENGTH = 128;
    private static final int METHOD_LENGTH = 64;

    private final long thresholdNanos;
    private final int maxInline;
    private final AtomicInteger inline = new AtomicInteger();
    private final Cache<String, Kind> kinds;

    /**
     * @param threshold a kind whose recent calls averaged at least this long waits (positive)
     * @param maxInline how many requests may run on HTTP threads at once (at least 1)
     * @param maxKinds how many kinds are remembered (at least 1)
     */
    RequestDurations(Duration threshold, int maxInline, long maxKinds) {
        this.thresholdNanos = threshold.toNanos();
        this.maxInline = maxInline;
        // Evicted on the calling thread: nothing else to run it on here.
        this.kinds = Caffeine.newBuilder().maximumSize(maxKinds).executor(Runnable::run).build();
    }

    /**
     * The kind of a request: its method, and for {@code tools/call} and {@code prompts/get} the name it calls. Both
     * come from the client: a method or a name that no server could have (not MCP's name syntax, or too long) is
     * {@code ?}, so that what is remembered stays small.
     */
    static String kind(String method, String name) {
        String m = method != null && hasNameSyntax(method, METHOD_LENGTH, true) ? method : "?";
        if (name == null) {
            return m;
        }
        return m + " " + (hasNameSyntax(name, NAME_LENGTH, false) ? name : "?");
    }

    /**
     * {@code [A-Za-z0-9_.-]{1,maxLength}}, with {@code /} too when {@code slash}. A loop rather than a regular
     * expression: it runs for every request, and the two expressions cost 0.9 % of CPU (bench/peers, JFR).
     */
    static boolean hasNameSyntax(String text, int maxLength, boolean slash) {
        int length = text.length();
        if (length == 0 || length > maxLength) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                    || c == '.' || c == '-' || slash && c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes a place for a request of this kind on the HTTP thread, if it may run there now (see the class comment).
     *
     * @return the kind's record, to hand to {@link #inlineEnded} when the request ends; null when it must go to a
     *         worker
     */
    Kind startInline(String kind, long nowNanos) {
        Kind record = kinds.getIfPresent(kind);
        if (record == null) {
            return null;
        }
        long average = record.average.get();
        if (average < 0 || average >= thresholdNanos) {
            return null;
        }
        if (record.inlineRunning.get() > 0 && nowNanos - record.inlineProgress >= thresholdNanos) {
            return null; // those running have not moved for a while: they wait
        }
        if (inline.incrementAndGet() > maxInline) {
            inline.decrementAndGet();
            return null;
        }
        if (record.inlineRunning.getAndIncrement() == 0) {
            record.inlineProgress = nowNanos;
        }
        return record;
    }

    /** A request that {@link #startInline} placed on its HTTP thread ended, after {@code nanos}. */
    void inlineEnded(Kind record, long nowNanos, long nanos) {
        record.inlineProgress = nowNanos;
        record.inlineRunning.decrementAndGet();
        inline.decrementAndGet();
        record.took(nanos);
    }

    /** A request of this kind, served on a worker, took {@code nanos} (from the start of its work to its answer). */
    void took(String kind, long nanos) {
        kinds.get(kind, k -> new Kind()).took(nanos);
    }

    /** What is remembered of one kind. */
    static final class Kind {
        /** Nanoseconds; -1 until a call ended. */
        private final AtomicLong average = new AtomicLong(-1);
        private final AtomicInteger inlineRunning = new AtomicInteger();
        /** {@link System#nanoTime} when a call of this kind last started (from none) or ended on an HTTP thread. */
        private volatile long inlineProgress;

        private void took(long nanos) {
            long previous = average.get();
            average.set(previous < 0 ? nanos : previous - (previous >> 2) + (nanos >> 2));
        }
    }
}
