package dev.delegatemcp.server.protocol.stream;

import static dev.delegatemcp.server.protocol.stream.StreamTesting.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import dev.delegatemcp.server.protocol.session.SessionEnded;
import dev.delegatemcp.wire.jsonrpc.JsonRpcCodec;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

class OutgoingRequestsTest {

    private OutgoingRequests outgoing = new OutgoingRequests(config());

    private static JsonRpcMessage answer(String idJson) {
        return JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"result\":{\"ok\":true}}");
    }

    private static JsonRpcMessage answer(OutgoingRequests.Waiting waiting) {
        return answer("\"" + waiting.id().getString() + "\"");
    }

    @Test
    void eachRequestGetsItsOwnStringId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            OutgoingRequests.Waiting waiting = outgoing.expect("s" + (i % 2), "alice");
            assertInstanceOf(JsonString.class, OutgoingRequests.idOf(waiting));
            ids.add(waiting.id().getString());
            outgoing.forget(waiting);
        }
        assertEquals(10, ids.size());
    }

    @Test
    void theAnswerInTheSameSessionFromTheSameSubjectCompletesTheWait() throws Exception {
        OutgoingRequests.Waiting waiting = outgoing.expect("s1", "alice");
        JsonRpcMessage reply = answer(waiting);
        assertTrue(outgoing.answer("s1", "alice", reply));
        assertSame(reply, waiting.answer().get());
        assertEquals(0, outgoing.size());
    }

    @Test
    void anotherSubjectCannotAnswerAndTheWaitGoesOn() {
        OutgoingRequests.Waiting waiting = outgoing.expect("s1", "alice");
        assertFalse(outgoing.answer("s1", "mallory", answer(waiting)));
        assertFalse(waiting.answer().isDone());
        assertTrue(outgoing.answer("s1", "alice", answer(waiting)), "alice still can");
    }

    @Test
    void anAnswerInAnotherSessionIsRefusedEvenFromTheSameSubject() {
        OutgoingRequests.Waiting waiting = outgoing.expect("s1", "alice");
        assertFalse(outgoing.answer("s2", "alice", answer(waiting)));
        assertFalse(waiting.answer().isDone());
    }

    @Test
    void anAnswerWithAnUnknownOrNumericIdIsRefused() {
        OutgoingRequests.Waiting waiting = outgoing.expect("s1", "alice");
        assertFalse(outgoing.answer("s1", "alice", answer("\"server-999999\"")));
        assertFalse(outgoing.answer("s1", "alice", answer("1")));
        assertFalse(waiting.answer().isDone());
    }

    @Test
    void aSecondAnswerToTheSameRequestIsRefused() {
        OutgoingRequests.Waiting waiting = outgoing.expect("s1", "alice");
        assertTrue(outgoing.answer("s1", "alice", answer(waiting)));
        assertFalse(outgoing.answer("s1", "alice", answer(waiting)));
    }

    @Test
    void aRequestNoLongerWaitedForRefusesItsLateAnswer() {
        OutgoingRequests.Waiting waiting = outgoing.expect("s1", "alice");
        outgoing.forget(waiting);
        assertFalse(outgoing.answer("s1", "alice", answer(waiting)));
        assertEquals(0, outgoing.size());
        outgoing.forget(waiting);
        assertEquals(0, outgoing.size(), "forgetting twice is harmless");
    }

    @Test
    void oneRequestMoreThanTheSessionMayHaveWaitingIsRefusedWhileOtherSessionsGoOn() {
        outgoing = new OutgoingRequests(config(4, 16, 100, 32, 100, Duration.ofSeconds(5), 2));
        OutgoingRequests.Waiting first = outgoing.expect("s1", "alice");
        outgoing.expect("s1", "alice");
        assertThrows(OutgoingRequests.TooManyWaitingException.class, () -> outgoing.expect("s1", "alice"));
        outgoing.expect("s2", "alice");
        outgoing.expect("s2", "alice");
        assertEquals(4, outgoing.size());
        outgoing.forget(first);
        outgoing.expect("s1", "alice");
    }

    @Test
    void anAnswerFreesItsPlace() {
        outgoing = new OutgoingRequests(config(4, 16, 100, 32, 100, Duration.ofSeconds(5), 1));
        OutgoingRequests.Waiting waiting = outgoing.expect("s1", "alice");
        assertThrows(OutgoingRequests.TooManyWaitingException.class, () -> outgoing.expect("s1", "alice"));
        outgoing.answer("s1", "alice", answer(waiting));
        outgoing.expect("s1", "alice");
    }

    @Test
    void aRefusedAnswerFreesNoPlace() {
        outgoing = new OutgoingRequests(config(4, 16, 100, 32, 100, Duration.ofSeconds(5), 1));
        OutgoingRequests.Waiting waiting = outgoing.expect("s1", "alice");
        outgoing.answer("s1", "mallory", answer(waiting));
        assertThrows(OutgoingRequests.TooManyWaitingException.class, () -> outgoing.expect("s1", "alice"));
    }

    @Test
    void theEndOfASessionEndsItsWaitsOnlyAndFreesTheirPlaces() {
        outgoing = new OutgoingRequests(config(4, 16, 100, 32, 100, Duration.ofSeconds(5), 1));
        OutgoingRequests.Waiting ended = outgoing.expect("s1", "alice");
        OutgoingRequests.Waiting other = outgoing.expect("s2", "alice");
        outgoing.sessionEnded(new SessionEnded("s1", "alice"));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> ended.answer().get());
        assertInstanceOf(OutgoingRequests.SessionGoneException.class, failure.getCause());
        assertFalse(other.answer().isDone());
        assertEquals(1, outgoing.size());
        assertFalse(outgoing.answer("s1", "alice", answer(ended)));
        outgoing.forget(ended);
        assertEquals(1, outgoing.size());
        assertThrows(OutgoingRequests.SessionGoneException.class, () -> outgoing.expect("s1", "alice"),
                "a question in an ended session could never be answered: it is not asked");
    }

    @Test
    void theApplicationStoppingEndsEveryWaitOfEverySession() {
        OutgoingRequests.Waiting first = outgoing.expect("s1", "alice");
        OutgoingRequests.Waiting second = outgoing.expect("s2", "bob");
        outgoing.stop();
        for (OutgoingRequests.Waiting wait : List.of(first, second)) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> wait.answer().get());
            assertInstanceOf(OutgoingRequests.SessionGoneException.class, failure.getCause());
        }
        assertEquals(0, outgoing.size());
    }
}
