package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.delegatemcp.server.protocol.session.McpSession;
import dev.delegatemcp.wire.jsonrpc.JsonRpcCodec;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientMessagesTest {

    private static final McpSession ALICE = new McpSession("s1", "alice", ProtocolVersion.LATEST);
    private static final McpSession ALICE_OTHER = new McpSession("s2", "alice", ProtocolVersion.LATEST);

    private final ClientMessages messages = new ClientMessages();

    ClientMessagesTest() {
        messages.inFlight = new InFlightRequests();
        messages.outgoing = new OutgoingRequests(StreamTesting.config());
    }

    private static JsonRpcMessage cancelled(String params) {
        return JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":" + params
                + "}");
    }

    private RequestCancellation running(McpSession session, String idJson) {
        RequestCancellation cancellation = new RequestCancellation();
        messages.inFlight.add(session.id(), Json.createReader(new java.io.StringReader(idJson)).readValue(),
                cancellation);
        return cancellation;
    }

    @Test
    void notificationsCancelledCancelsTheRequestOfTheSessionWithAStringOrNumberId() {
        RequestCancellation text = running(ALICE, "\"123\"");
        RequestCancellation number = running(ALICE, "123");
        messages.notification(cancelled("{\"requestId\":\"123\",\"reason\":\"User requested cancellation\"}"),
                ALICE);
        assertTrue(text.isCancelled());
        assertFalse(number.isCancelled());
        messages.notification(cancelled("{\"requestId\":123}"), ALICE);
        assertTrue(number.isCancelled());
    }

    @Test
    void aCancellationInAnotherSessionOfTheSameSubjectDoesNothing() {
        RequestCancellation cancellation = running(ALICE, "1");
        messages.notification(cancelled("{\"requestId\":1}"), ALICE_OTHER);
        assertFalse(cancellation.isCancelled());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"requestId\":null}", "{\"requestId\":true}", "{\"requestId\":{\"id\":1}}",
        "{\"requestId\":[1]}"})
    void aMalformedCancellationIsIgnored(String params) {
        RequestCancellation cancellation = running(ALICE, "1");
        messages.notification(cancelled(params), ALICE);
        assertFalse(cancellation.isCancelled());
    }

    @Test
    void otherNotificationsChangeNothing() {
        RequestCancellation cancellation = running(ALICE, "1");
        for (String method : new String[] {"notifications/initialized", "notifications/roots/list_changed",
            "notifications/progress", "notifications/unknown"}) {
            messages.notification(JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"method\":\"" + method
                    + "\",\"params\":{\"requestId\":1}}"), ALICE);
        }
        assertFalse(cancellation.isCancelled());
    }

    @Test
    void aResponseReachesOnlyTheRequestOfTheSameSessionAndSubject() {
        OutgoingRequests.Waiting waiting = messages.outgoing.expect(ALICE.id(), "alice");
        JsonRpcMessage response = JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"id\":\"" + waiting.id().getString()
                + "\",\"result\":{}}");
        assertFalse(messages.response(response, ALICE_OTHER, "alice"));
        assertFalse(messages.response(response, ALICE, "mallory"));
        assertFalse(waiting.answer().isDone());
        assertTrue(messages.response(response, ALICE, "alice"));
        assertTrue(waiting.answer().isDone());
    }
}
