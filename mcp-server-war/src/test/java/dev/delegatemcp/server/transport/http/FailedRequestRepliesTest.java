package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.delegatemcp.server.StackWithoutMessages;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorResponse;
import jakarta.json.Json;

import org.junit.jupiter.api.Test;

class FailedRequestRepliesTest {

    @Test
    void anInternalErrorIsLoggedWithWhereItWasThrownAndItsReferenceButNotItsMessage() {
        Logger logger = Logger.getLogger(FailedRequestReplies.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
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
                // kept in memory
            }
        };
        boolean parents = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        try {
            IllegalStateException failure = new IllegalStateException("cannot read secret-value");
            JsonRpcErrorResponse reply = FailedRequestReplies.internalError(Json.createValue(3), "tools/list", failure);

            LogRecord logged = records.stream().filter(r -> r.getMessage().startsWith("DMCPS0001E")).findFirst()
                    .orElseThrow();
            String reference = reply.error().message().replaceAll(".*\\(reference (.*)\\)$", "$1");
            assertTrue(logged.getMessage().contains("tools/list") && logged.getMessage().contains(reference),
                    logged.getMessage());
            assertFalse(logged.getMessage().contains("secret-value"), logged.getMessage());
            assertTrue(logged.getThrown() instanceof StackWithoutMessages, String.valueOf(logged.getThrown()));
            assertEquals(failure.getStackTrace()[0], logged.getThrown().getStackTrace()[0]);
            assertFalse(reply.error().message().contains("secret-value"));
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(parents);
        }
    }
}
