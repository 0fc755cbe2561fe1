package dev.delegatemcp.server.protocol.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.server.protocol.stream.ClientQuestions.Question;
import dev.delegatemcp.server.protocol.stream.RequestCancellation;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class RoundTripTest {

    private static final String ELICIT = "elicitation/create";
    private static final String SAMPLE = "sampling/createMessage";
    private static final String ROOTS = "roots/list";

    private final RequestCancellation cancellation = new RequestCancellation();

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static JsonObject form(String message) {
        return json("{\"mode\":\"form\",\"message\":\"" + message + "\",\"requestedSchema\":{\"type\":\"object\","
                + "\"properties\":{\"login\":{\"type\":\"string\"}}}}");
    }

    private static final JsonObject ACCEPTED = json("{\"action\":\"accept\",\"content\":{\"login\":\"octocat\"}}");
    private static final JsonObject SAMPLED = json(
            "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"hi\"},\"model\":\"m\"}");

    private JsonObject askOnce(RoundTrip roundTrip, String method, JsonObject params) {
        return roundTrip.ask(method, params, cancellation, "input").result().asJsonObject();
    }

    @Test
    void theFirstRoundEndsOnItsFirstQuestionAndRecordsItAsAnInputRequestKeyedByKindAndPosition() {
        RoundTrip roundTrip = RoundTrip.first("tools/call", JsonValue.EMPTY_JSON_OBJECT);
        assertFalse(roundTrip.inputRequired());
        assertThrows(InputRequiredException.class, () -> askOnce(roundTrip, ELICIT, form("Your login?")));
        assertTrue(roundTrip.inputRequired());
        assertEquals(List.of("elicitation-1"), List.copyOf(roundTrip.inputRequests().keySet()));
        JsonObject request = roundTrip.inputRequests().get("elicitation-1");
        assertEquals(ELICIT, request.getString("method"));
        assertEquals(form("Your login?"), request.getJsonObject("params"));
    }

    @Test
    void aQuestionWithItsOwnKeyIsRecordedUnderThatKey() {
        RoundTrip roundTrip = RoundTrip.first("prompts/get", JsonValue.EMPTY_JSON_OBJECT);
        assertThrows(InputRequiredException.class, () -> roundTrip
                .askTogether(List.of(new Question("github_login", ELICIT, form("Login?"), "elicitation")),
                        cancellation));
        assertEquals(List.of("github_login"), List.copyOf(roundTrip.inputRequests().keySet()));
    }

    @Test
    void askTogetherCollectsEveryUnansweredQuestionOfTheBatchIntoOneRound() {
        JsonObject responses = Json.createObjectBuilder().add("elicitation-1", ACCEPTED).build();
        RoundTrip roundTrip = RoundTrip.first("tools/call", responses);
        assertThrows(InputRequiredException.class, () -> roundTrip.askTogether(List.of(
                new Question(null, ELICIT, form("a"), "elicitation"),
                new Question(null, SAMPLE, json("{\"messages\":[],\"maxTokens\":5}"), "sampling"),
                new Question("where", ROOTS, JsonValue.EMPTY_JSON_OBJECT, "roots")), cancellation));
        assertEquals(List.of("sampling-2", "where"), List.copyOf(roundTrip.inputRequests().keySet()));
        assertEquals(ROOTS, roundTrip.inputRequests().get("where").getString("method"));
    }

    @Test
    void anAnswerFromInputResponsesIsReturnedAndCarriedIntoTheState() {
        JsonObject responses = Json.createObjectBuilder().add("elicitation-1", ACCEPTED).build();
        RoundTrip roundTrip = RoundTrip.first("tools/call", responses);
        assertEquals(ACCEPTED, askOnce(roundTrip, ELICIT, form("Login?")));
        assertFalse(roundTrip.inputRequired());
        JsonObject carried = roundTrip.state().getJsonObject("answers").getJsonObject("elicitation-1");
        assertEquals(ACCEPTED, carried.getJsonObject("r"));
    }

    @Test
    void anAnswerCarriedInTheStateAnswersTheSameQuestionOnTheNextRoundWithoutInputResponses() {
        RoundTrip first = RoundTrip.first("tools/call",
                Json.createObjectBuilder().add("elicitation-1", ACCEPTED).build());
        askOnce(first, ELICIT, form("Login?"));
        assertThrows(InputRequiredException.class, () -> askOnce(first, SAMPLE, json("{\"maxTokens\":1}")));

        RoundTrip retry = RoundTrip.retry("tools/call", first.state(),
                Json.createObjectBuilder().add("sampling-2", SAMPLED).build());
        assertEquals(ACCEPTED, askOnce(retry, ELICIT, form("Login?")));
        assertEquals(SAMPLED, askOnce(retry, SAMPLE, json("{\"maxTokens\":1}")));
        assertFalse(retry.inputRequired());
        assertEquals(2, retry.state().getJsonObject("answers").size());
    }

    @Test
    void aCarriedAnswerIsNotReusedForAChangedQuestionWhichIsAskedAgain() {
        RoundTrip first = RoundTrip.first("tools/call",
                Json.createObjectBuilder().add("elicitation-1", ACCEPTED).build());
        askOnce(first, ELICIT, form("Login?"));

        RoundTrip retry = RoundTrip.retry("tools/call", first.state(), JsonValue.EMPTY_JSON_OBJECT);
        assertThrows(InputRequiredException.class, () -> askOnce(retry, ELICIT, form("Password?")));
        assertEquals(form("Password?"), retry.inputRequests().get("elicitation-1").getJsonObject("params"));
    }

    @Test
    void answersToKeysThatAreNotAskedAreIgnored() {
        JsonObject responses = Json.createObjectBuilder().add("elicitation-1", ACCEPTED)
                .add("unasked", json("{\"whatever\":true}")).add("sampling-9", "not even an object").build();
        RoundTrip roundTrip = RoundTrip.first("tools/call", responses);
        assertEquals(ACCEPTED, askOnce(roundTrip, ELICIT, form("Login?")));
        assertEquals(List.of("elicitation-1"), List.copyOf(roundTrip.state().getJsonObject("answers").keySet()));
    }

    @Test
    void aJsonNullAnswerCountsAsMissingAndTheQuestionIsAskedAgain() {
        JsonObject responses = Json.createObjectBuilder().addNull("elicitation-1").build();
        RoundTrip roundTrip = RoundTrip.first("tools/call", responses);
        assertThrows(InputRequiredException.class, () -> askOnce(roundTrip, ELICIT, form("Login?")));
        assertNull(roundTrip.invalidResponse());
        assertTrue(roundTrip.inputRequests().containsKey("elicitation-1"));
    }

    private void assertInvalid(String method, JsonValue answer) {
        RoundTrip roundTrip = RoundTrip.first("tools/call",
                Json.createObjectBuilder().add("the_key", answer).build());
        InvalidInputResponseException e = assertThrows(InvalidInputResponseException.class,
                () -> roundTrip.askTogether(List.of(new Question("the_key", method,
                        JsonValue.EMPTY_JSON_OBJECT, "input")), cancellation),
                method + " " + answer);
        assertTrue(roundTrip.invalidResponse().contains("inputResponses[\"the_key\"]"),
                roundTrip.invalidResponse());
        assertEquals(roundTrip.invalidResponse(), e.getMessage());
        assertFalse(roundTrip.inputRequired());
    }

    @Test
    void anElicitationAnswerWhoseActionIsNotAcceptDeclineOrCancelIsInvalidAndNamesItsKey() {
        assertInvalid(ELICIT, json("{\"action\":\"maybe\"}"));
        assertInvalid(ELICIT, json("{\"content\":{}}"));
        assertInvalid(ELICIT, json("{\"action\":1}"));
    }

    @Test
    void anElicitationAnswerWhoseContentIsNotAnObjectIsInvalid() {
        assertInvalid(ELICIT, json("{\"action\":\"accept\",\"content\":\"octocat\"}"));
    }

    @Test
    void aSamplingAnswerWithoutRoleOrContentIsInvalid() {
        assertInvalid(SAMPLE, json("{\"content\":{\"type\":\"text\",\"text\":\"x\"}}"));
        assertInvalid(SAMPLE, json("{\"role\":\"assistant\"}"));
        assertInvalid(SAMPLE, json("{\"role\":\"assistant\",\"content\":\"x\"}"));
    }

    @Test
    void aRootsAnswerWithoutARootsArrayIsInvalid() {
        assertInvalid(ROOTS, json("{\"roots\":{}}"));
        assertInvalid(ROOTS, JsonValue.EMPTY_JSON_OBJECT);
    }

    @Test
    void anAnswerThatIsNotAnObjectIsInvalid() {
        assertInvalid(ELICIT, Json.createValue("accept"));
        assertInvalid(ROOTS, JsonValue.EMPTY_JSON_ARRAY);
        assertInvalid(SAMPLE, JsonValue.TRUE);
    }

    @Test
    void wellShapedAnswersOfEachKindAreAccepted() {
        for (String[] ok : new String[][] {{ELICIT, "{\"action\":\"decline\"}"}, {ELICIT, "{\"action\":\"cancel\"}"},
            {SAMPLE, "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}"},
            {ROOTS, "{\"roots\":[]}"}}) {
            assertNull(RoundTrip.problem(ok[0], json(ok[1])), ok[1]);
        }
    }

    @Test
    void methodsOtherThanToolsCallPromptsGetAndResourcesReadCannotAskAndGetNotSupported() {
        for (String method : new String[] {"tools/list", "resources/list", "completion/complete", "server/discover"}) {
            RoundTrip roundTrip = RoundTrip.first(method,
                    Json.createObjectBuilder().add("elicitation-1", ACCEPTED).build());
            ClientInteractionException e = assertThrows(ClientInteractionException.class,
                    () -> askOnce(roundTrip, ELICIT, form("Login?")), method);
            assertEquals(ClientInteractionException.Reason.NOT_SUPPORTED, e.reason());
            assertFalse(roundTrip.inputRequired());
        }
        for (String method : new String[] {"tools/call", "prompts/get", "resources/read"}) {
            assertTrue(RoundTrip.supports(method), method);
        }
    }

    @Test
    void urlElicitationsAreNotCorrelated() {
        assertFalse(RoundTrip.first("tools/call", JsonValue.EMPTY_JSON_OBJECT).correlatesUrlElicitations());
    }

    @Test
    void theAnswerIsAResponseWithAResultAndNoError() {
        RoundTrip roundTrip = RoundTrip.first("tools/call",
                Json.createObjectBuilder().add("elicitation-1", ACCEPTED).build());
        JsonRpcMessage answer = roundTrip.ask(ELICIT, form("Login?"), cancellation, "elicitation");
        assertNull(answer.error());
        assertEquals(ACCEPTED, answer.result());
    }
}
