package dev.delegatemcp.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records a {@link java.util.logging.Logger} publishes while it is open, kept in memory and not passed to its
 * parents (a logged stack would land in the build's output); closing detaches it and restores the logger.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final boolean parents;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.parents = logger.getUseParentHandlers();
    }

    /** Starts capturing what the logger named after {@code source} (its class name) publishes. */
    public static LogCapture of(Class<?> source) {
        LogCapture capture = new LogCapture(Logger.getLogger(source.getName()));
        capture.logger.setUseParentHandlers(false);
        capture.logger.addHandler(capture);
        return capture;
    }

    /** The first record whose message starts with {@code prefix} (a message id such as DMCPS0017E). */
    public LogRecord first(String prefix) {
        return records.stream().filter(r -> r.getMessage() != null && r.getMessage().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no record starting " + prefix + " in " + records.size()));
    }

    /** Every record captured so far. */
    public List<LogRecord> records() {
        return records;
    }

    @Override
    public void publish(LogRecord logRecord) {
        records.add(logRecord);
    }

    @Override
    public void flush() {
        // kept in memory
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(parents);
    }
}
