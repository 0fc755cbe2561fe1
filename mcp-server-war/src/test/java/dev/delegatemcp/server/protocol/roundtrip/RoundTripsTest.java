package dev.delegatemcp.server.protocol.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.server.protocol.session.MutableClock;
import dev.delegatemcp.server.protocol.stream.ClientQuestions.Question;
import dev.delegatemcp.server.protocol.stream.RequestCancellation;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class RoundTripsTest {

    private static final String SECRET = "correct horse battery staple, 32+ characters";

    record Caller(String subject) implements McpCaller {
        @Override
        public Optional<String> clientId() {
            return Optional.of("client-1");
        }

        @Override
        public Optional<String> tenant() {
            return Optional.empty();
        }

        @Override
        public Set<String> scopes() {
            return Set.of();
        }
    }

    private static final McpCaller ALICE = new Caller("alice-7f3a");
    private static final McpCaller BOB = new Caller("bob-91c2");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-07-28T10:00:00Z"));
    private final RequestStateSeal seal = new RequestStateSeal(SECRET, null, Duration.ofMinutes(10), clock);
    private final RoundTrips roundTrips = new RoundTrips(seal);
    private final RequestCancellation cancellation = new RequestCancellation();

    private static JsonObject form(String message) {
        return RoundTripTest.json("{\"mode\":\"form\",\"message\":\"" + message
                + "\",\"requestedSchema\":{\"type\":\"object\",\"properties\":{}}}");
    }

    private static JsonObject accept(String value) {
        return Json.createObjectBuilder().add("action", "accept")
                .add("content", Json.createObjectBuilder().add("v", value)).build();
    }

    private static JsonRpcMessage call(String tool, JsonObject arguments, JsonObject inputResponses, String state) {
        JsonObjectBuilder params = Json.createObjectBuilder().add("name", tool).add("arguments", arguments);
        if (inputResponses != null) {
            params.add("inputResponses", inputResponses);
        }
        if (state != null) {
            params.add("requestState", state);
        }
        return new JsonRpcMessage(Json.createValue(1), "tools/call", params.build());
    }

    private static final JsonObject ARGS = RoundTripTest.json("{\"repo\":\"delegate-mcp\"}");

    /** A multi-round tool: asks three questions one after another, and returns the three answers. */
    private String threeQuestions(RoundTrip roundTrip) {
        StringBuilder answers = new StringBuilder();
        for (String question : List.of("first?", "second?", "third?")) {
            JsonObject answer = roundTrip.ask("elicitation/create", form(question), cancellation, "elicitation")
                    .result().asJsonObject();
            answers.append(answer.getJsonObject("content").getString("v")).append(' ');
        }
        return answers.toString().trim();
    }

    /** Runs the request; the result is the InputRequiredResult, or {"done": answers}. */
    private JsonObject run(JsonRpcMessage request, McpCaller caller) {
        RoundTrip roundTrip = roundTrips.begin(request, caller);
        try {
            return Json.createObjectBuilder().add("done", threeQuestions(roundTrip)).build();
        } catch (InputRequiredException e) {
            assertTrue(roundTrip.inputRequired());
            return roundTrips.inputRequired(roundTrip, request, caller);
        }
    }

    private String stateAfterFirstRound() {
        JsonObject result = run(call("multi", ARGS, null, null), ALICE);
        return result.getString("requestState");
    }

    private JsonRpcException refused(JsonRpcMessage request, McpCaller caller) {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> roundTrips.begin(request, caller));
        assertEquals(-32602, e.code());
        assertFalse(e.getMessage().contains(ALICE.subject()), e.getMessage());
        assertFalse(e.getMessage().contains(BOB.subject()), e.getMessage());
        String state = request.params().get("requestState") instanceof jakarta.json.JsonString s ? s.getString()
                : null;
        if (state != null && !state.isEmpty()) {
            assertFalse(e.getMessage().contains(state), e.getMessage());
        }
        return e;
    }

    @Test
    void theFirstRoundBuildsAnInputRequiredResultWithItsInputRequestsAndASealedState() {
        JsonObject result = run(call("multi", ARGS, null, null), ALICE);
        assertEquals("input_required", result.getString("resultType"));
        JsonObject request = result.getJsonObject("inputRequests").getJsonObject("elicitation-1");
        assertEquals("elicitation/create", request.getString("method"));
        assertEquals(form("first?"), request.getJsonObject("params"));
        assertFalse(result.getString("requestState").isEmpty());
        assertEquals(Set.of("resultType", "inputRequests", "requestState"), result.keySet());
    }

    @Test
    void aRetryWithTheStateAndTheAnswersCompletesAfterThreeRounds() {
        JsonObject round1 = run(call("multi", ARGS, null, null), ALICE);
        JsonObject round2 = run(call("multi", ARGS,
                Json.createObjectBuilder().add("elicitation-1", accept("one")).build(),
                round1.getString("requestState")), ALICE);
        assertEquals(Set.of("elicitation-2"), round2.getJsonObject("inputRequests").keySet());
        assertEquals(form("second?"),
                round2.getJsonObject("inputRequests").getJsonObject("elicitation-2").getJsonObject("params"));
        JsonObject round3 = run(call("multi", ARGS,
                Json.createObjectBuilder().add("elicitation-2", accept("two")).build(),
                round2.getString("requestState")), ALICE);
        assertEquals(Set.of("elicitation-3"), round3.getJsonObject("inputRequests").keySet());
        JsonObject done = run(call("multi", ARGS,
                Json.createObjectBuilder().add("elicitation-3", accept("three")).build(),
                round3.getString("requestState")), ALICE);
        assertEquals("one two three", done.getString("done"));
        assertNotEquals(round1.getString("requestState"), round2.getString("requestState"));
        assertNotEquals(round2.getString("requestState"), round3.getString("requestState"));
    }

    @Test
    void aRetryWithoutTheStateAsksTheEarlierQuestionAgain() {
        JsonObject round1 = run(call("multi", ARGS, null, null), ALICE);
        JsonObject round2 = run(call("multi", ARGS,
                Json.createObjectBuilder().add("elicitation-1", accept("one")).build(),
                round1.getString("requestState")), ALICE);
        // The answer to the first question travels only in the state: without it, the tool asks it again.
        JsonObject lost = run(call("multi", ARGS,
                Json.createObjectBuilder().add("elicitation-2", accept("two")).build(), null), ALICE);
        assertEquals(Set.of("elicitation-1"), lost.getJsonObject("inputRequests").keySet());
        assertEquals("input_required", round2.getString("resultType"));
    }

    @Test
    void inputResponsesThatAreNotAnObjectAreRefused() {
        JsonRpcMessage request = new JsonRpcMessage(Json.createValue(1), "tools/call", Json.createObjectBuilder()
                .add("name", "multi").add("inputResponses", Json.createArrayBuilder().add(1)).build());
        assertTrue(refused(request, ALICE).getMessage().contains("inputResponses"));
    }

    @Test
    void aRequestStateThatIsNotAStringIsRefused() {
        JsonRpcMessage request = new JsonRpcMessage(Json.createValue(1), "tools/call", Json.createObjectBuilder()
                .add("name", "multi").add("requestState", 42).build());
        assertTrue(refused(request, ALICE).getMessage().contains("requestState"));
    }

    @Test
    void aRequestStateOnAMethodThatCannotHaveOneIsRefused() {
        // Even a state this server sealed for exactly this request: tools/list never asks the client anything.
        JsonRpcMessage unsealed = new JsonRpcMessage(Json.createValue(1), "tools/list", JsonValue.EMPTY_JSON_OBJECT);
        String state = seal.seal(JsonValue.EMPTY_JSON_OBJECT, ALICE.subject(), RoundTrips.binding(unsealed));
        JsonRpcMessage request = new JsonRpcMessage(Json.createValue(1), "tools/list",
                Json.createObjectBuilder().add("requestState", state).build());
        refused(request, ALICE);
    }

    @Test
    void aTamperedStateIsRefused() {
        String state = stateAfterFirstRound();
        char last = state.charAt(state.length() / 2);
        String tampered = state.substring(0, state.length() / 2) + (last == 'A' ? 'B' : 'A')
                + state.substring(state.length() / 2 + 1);
        refused(call("multi", ARGS, null, tampered), ALICE);
        refused(call("multi", ARGS, null, "not-a-state"), ALICE);
    }

    @Test
    void aStateWithTheConformanceSuitesTamperedSuffixIsRefused() {
        String state = stateAfterFirstRound();
        refused(call("multi", ARGS, Json.createObjectBuilder().add("elicitation-1", accept("one")).build(),
                state + "-TAMPERED"), ALICE);
    }

    @Test
    void anotherUsersStateIsRefused() {
        String state = stateAfterFirstRound();
        JsonRpcException e = refused(call("multi", ARGS, null, state), BOB);
        assertTrue(e.getMessage().contains("another user"), e.getMessage());
    }

    @Test
    void aStateForAnotherToolOrOtherArgumentsIsRefused() {
        String state = stateAfterFirstRound();
        refused(call("other", ARGS, null, state), ALICE);
        refused(call("multi", RoundTripTest.json("{\"repo\":\"elsewhere\"}"), null, state), ALICE);
        JsonRpcMessage prompt = new JsonRpcMessage(Json.createValue(1), "prompts/get", Json.createObjectBuilder()
                .add("name", "multi").add("arguments", ARGS).add("requestState", state).build());
        refused(prompt, ALICE);
    }

    @Test
    void theSameArgumentsWrittenOtherwiseAcceptTheState() {
        String state = stateAfterFirstRound();
        JsonObject reordered = Json.createObjectBuilder().add("repo", "delegate-mcp").build();
        assertEquals(JsonValue.ValueType.OBJECT,
                roundTrips.begin(call("multi", reordered, null, state), ALICE).state().getValueType());
    }

    @Test
    void anExpiredStateIsRefused() {
        String state = stateAfterFirstRound();
        clock.advance(Duration.ofMinutes(10));
        JsonRpcException e = refused(call("multi", ARGS, null, state), ALICE);
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void aNullRequestStateAndNullInputResponsesAreAFirstRound() {
        JsonRpcMessage request = new JsonRpcMessage(Json.createValue(1), "tools/call", Json.createObjectBuilder()
                .add("name", "multi").addNull("requestState").addNull("inputResponses").build());
        RoundTrip roundTrip = roundTrips.begin(request, ALICE);
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, roundTrip.state().getJsonObject("answers"));
    }

    @Test
    void twoRoundsOfTheSameRequestGetDifferentStates() {
        assertNotEquals(stateAfterFirstRound(), stateAfterFirstRound());
    }

    @Test
    void answersGivenTogetherAreKeptAcrossRounds() {
        RoundTrip first = roundTrips.begin(call("multi", ARGS, null, null), ALICE);
        assertThrows(InputRequiredException.class, () -> first.askTogether(List.of(
                new Question("a", "elicitation/create", form("a?"), "elicitation"),
                new Question("b", "elicitation/create", form("b?"), "elicitation")), cancellation));
        JsonObject result = roundTrips.inputRequired(first, call("multi", ARGS, null, null), ALICE);
        assertEquals(Set.of("a", "b"), result.getJsonObject("inputRequests").keySet());
        RoundTrip retry = roundTrips.begin(call("multi", ARGS, Json.createObjectBuilder().add("a", accept("A"))
                .add("b", accept("B")).build(), result.getString("requestState")), ALICE);
        List<JsonRpcMessage> answers = retry.askTogether(List.of(
                new Question("a", "elicitation/create", form("a?"), "elicitation"),
                new Question("b", "elicitation/create", form("b?"), "elicitation")), cancellation);
        assertEquals(accept("A"), answers.get(0).result());
        assertEquals(accept("B"), answers.get(1).result());
    }
}
