package dev.delegatemcp.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRpcRepliesTest {

    @Test
    void aResultWithTheRequestsIdAnswersIt() {
        assertTrue(JsonRpcReplies.answers(JsonRpcReplies.read("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}"), 7));
        assertTrue(JsonRpcReplies.answers(JsonRpcReplies.read("{\"jsonrpc\":\"2.0\",\"id\":\"7\",\"result\":{}}"), 7));
    }

    @Test
    void anotherIdAFractionOrAMessageWithoutResultOrErrorDoesNotAnswer() {
        assertFalse(JsonRpcReplies.answers(JsonRpcReplies.read("{\"jsonrpc\":\"2.0\",\"id\":8,\"result\":{}}"), 7));
        assertFalse(JsonRpcReplies.answers(JsonRpcReplies.read("{\"jsonrpc\":\"2.0\",\"id\":7.5,\"result\":{}}"), 7));
        assertFalse(
                JsonRpcReplies.answers(JsonRpcReplies.read("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}"), 7),
                "a server request with the same id");
        assertFalse(JsonRpcReplies.answers(JsonRpcReplies.read("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\"}"),
                7));
        assertFalse(JsonRpcReplies.answers(JsonRpcReplies.read("{\"jsonrpc\":\"2.0\",\"result\":{}}"), 7),
                "a result without id");
    }

    @Test
    void anErrorWithANullOrNoIdAnswersAnyRequest() {
        assertTrue(JsonRpcReplies.answers(JsonRpcReplies.read(
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}"), 3));
        assertTrue(JsonRpcReplies.answers(JsonRpcReplies.read(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid\"}}"), 3));
    }

    @Test
    void theErrorsCodeAndMessageAreRead() {
        var reply =
                JsonRpcReplies.read("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"no\"}}");
        assertEquals(-32602, reply.error().code());
        assertEquals("no", reply.error().message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{not json", "{\"jsonrpc\":\"2.0\",\"id\":",
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}]",
        "\"text\"", "42", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[]}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"x\"}"})
    void textThatIsNotOneJsonRpcMessageObjectIsMalformed(String text) {
        assertThrows(MalformedBodyException.class, () -> JsonRpcReplies.read(text));
    }

    @Test
    void malformedBodiesCarryNoMessageOrStackTrace() {
        MalformedBodyException e = assertThrows(MalformedBodyException.class,
                () -> JsonRpcReplies.read("{\"token\":\"secret"));
        assertEquals(null, e.getMessage());
        assertEquals(0, e.getStackTrace().length);
    }
}
