package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.LogRecord;

import dev.delegatemcp.server.LogCapture;
import dev.delegatemcp.server.StackWithoutMessages;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorResponse;
import jakarta.json.Json;

import org.junit.jupiter.api.Test;

class FailedRequestRepliesTest {

    @Test
    void anInternalErrorIsLoggedWithWhereItWasThrownAndItsReferenceButNotItsMessage() {
        try (LogCapture capture = LogCapture.of(FailedRequestReplies.class)) {
            IllegalStateException failure = new IllegalStateException("cannot read secret-value");
            JsonRpcErrorResponse reply = FailedRequestReplies.internalError(Json.createValue(3), "tools/list", failure);

            LogRecord logged = capture.first("DMCPS0001E");
            String reference = reply.error().message().replaceAll(".*\\(reference (.*)\\)$", "$1");
            assertTrue(logged.getMessage().contains("tools/list") && logged.getMessage().contains(reference),
                    logged.getMessage());
            assertFalse(logged.getMessage().contains("secret-value"), logged.getMessage());
            assertTrue(logged.getThrown() instanceof StackWithoutMessages, String.valueOf(logged.getThrown()));
            assertEquals(failure.getStackTrace()[0], logged.getThrown().getStackTrace()[0]);
            assertFalse(reply.error().message().contains("secret-value"));
        }
    }
}
