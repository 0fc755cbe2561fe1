package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.delegatemcp.api.interaction.ClientInputs;
import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.ElicitationResult;
import dev.delegatemcp.api.interaction.ElicitationSchema;
import dev.delegatemcp.api.interaction.Roots;
import dev.delegatemcp.api.interaction.SamplingRequest;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class ClientInputBatchTest {

    private static final ClientCapabilities ALL = new ClientCapabilities(true, true, false, true);
    private static final ElicitationSchema LOGIN = ElicitationSchema.of(ElicitationSchema.text("login", "Login"));

    /**
     * A client in a session, like {@link RequestChannel}: only {@link #ask} (so {@code askTogether} asks one after
     * another), answering each question by its method, in the order asked.
     */
    static final class SessionClient implements ClientQuestions {
        final List<String> asked = new ArrayList<>();
        final Map<String, String> answers;

        SessionClient(Map<String, String> answers) {
            this.answers = answers;
        }

        @Override
        public JsonRpcMessage ask(String method, Object params, RequestCancellation cancellation, String what) {
            asked.add(method);
            return new JsonRpcMessage(Json.createValue(asked.size()), null, null,
                    FakeConnection.json(answers.get(method)), null);
        }
    }

    private static final Map<String, String> GOOD_ANSWERS = Map.of(
            "elicitation/create", "{\"action\":\"accept\",\"content\":{\"login\":\"octocat\"}}",
            "sampling/createMessage",
            "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"4\"},\"model\":\"m\"}",
            "roots/list", "{\"roots\":[{\"uri\":\"file:///work\",\"name\":\"work\"}]}");

    private static ClientInputBatch batch(ClientCapabilities capabilities, ClientQuestions questions) {
        return new ClientInputBatch(capabilities, questions, new RequestCancellation());
    }

    @Test
    void inASessionTheQuestionsAreAskedOneAfterAnotherAndTheAnswersReadByKey() {
        SessionClient client = new SessionClient(GOOD_ANSWERS);
        ClientInputs.Answers answers = batch(ALL, client).form("who", "Your login?", LOGIN)
                .sampling("sum", SamplingRequest.of("2+2?", 5)).roots("where").ask();
        assertEquals(List.of("elicitation/create", "sampling/createMessage", "roots/list"), client.asked);
        assertEquals(Optional.of("octocat"), answers.form("who").string("login"));
        assertEquals(Optional.of("4"), answers.sampling("sum").text());
        assertEquals(List.of(new Roots.Root("file:///work", "work")), answers.roots("where"));
    }

    @Test
    void everyQuestionGoesToAskTogetherInOneBatchWithItsKey() {
        List<ClientQuestions.Question> batched = new ArrayList<>();
        ClientQuestions together = new ClientQuestions() {
            @Override
            public JsonRpcMessage ask(String method, Object params, RequestCancellation cancellation, String what) {
                throw new AssertionError("asked alone");
            }

            @Override
            public List<JsonRpcMessage> askTogether(List<Question> questions, RequestCancellation cancellation) {
                batched.addAll(questions);
                return questions.stream().map(question -> new JsonRpcMessage(JsonValue.NULL, null, null,
                        FakeConnection.json(GOOD_ANSWERS.get(question.method())), null)).toList();
            }
        };
        batch(ALL, together).form("who", "Your login?", LOGIN).roots("where").ask();
        assertEquals(List.of("who", "where"), batched.stream().map(ClientQuestions.Question::key).toList());
        assertEquals("form", ((JsonObject) Json.createReader(new java.io.StringReader(
                dev.delegatemcp.wire.WireJson.toJson(batched.get(0).params()))).readObject()).getString("mode"));
    }

    @Test
    void formValuesAreCheckedAgainstTheSchema() {
        SessionClient client = new SessionClient(Map.of("elicitation/create",
                "{\"action\":\"accept\",\"content\":{\"login\":42}}"));
        ClientInteractionException e = assertThrows(ClientInteractionException.class,
                () -> batch(ALL, client).form("who", "Your login?", LOGIN).ask());
        assertEquals(ClientInteractionException.Reason.REFUSED, e.reason());
        assertTrue(e.getMessage().contains("do not fit"), e.getMessage());
    }

    @Test
    void aDeclinedFormIsAnAnswerWithoutContent() {
        SessionClient client = new SessionClient(Map.of("elicitation/create", "{\"action\":\"decline\"}"));
        ElicitationResult result = batch(ALL, client).form("who", "Your login?", LOGIN).ask().form("who");
        assertEquals(ElicitationResult.Action.DECLINE, result.action());
        assertEquals(Map.of(), result.content());
    }

    @Test
    void twoQuestionsWithOneKeyOrABlankKeyAreRefused() {
        ClientInputs inputs = batch(ALL, new SessionClient(GOOD_ANSWERS)).form("k", "a", LOGIN);
        assertThrows(IllegalArgumentException.class, () -> inputs.roots("k"));
        assertThrows(IllegalArgumentException.class, () -> inputs.roots(" "));
        assertThrows(IllegalArgumentException.class, () -> inputs.roots(null));
        assertThrows(IllegalArgumentException.class, () -> inputs.sampling("", SamplingRequest.of("x", 1)));
    }

    @Test
    void aQuestionTheClientDidNotDeclareFailsBeforeAnythingIsAsked() {
        String[][] cases = {{"sampling", "sampling"}, {"form", "elicitation.form"}, {"roots", "roots"}};
        for (String[] kind : cases) {
            SessionClient client = new SessionClient(GOOD_ANSWERS);
            ClientCapabilities without = new ClientCapabilities(!kind[0].equals("sampling"),
                    !kind[0].equals("form"), true, !kind[0].equals("roots"));
            ClientInputs inputs = batch(without, client).form("who", "Your login?", LOGIN)
                    .sampling("sum", SamplingRequest.of("2+2?", 5)).roots("where");
            ClientInteractionException e = assertThrows(ClientInteractionException.class, inputs::ask, kind[0]);
            assertEquals(ClientInteractionException.Reason.NOT_SUPPORTED, e.reason());
            assertEquals(Optional.of(kind[1]), e.missingCapability());
            assertEquals(List.of(), client.asked, kind[0]);
        }
    }

    @Test
    void answersForAKeyOfAnotherKindOrNoKeyAreRefused() {
        ClientInputs.Answers answers = batch(ALL, new SessionClient(GOOD_ANSWERS)).form("who", "Your login?", LOGIN)
                .sampling("sum", SamplingRequest.of("2+2?", 5)).roots("where").ask();
        assertThrows(IllegalArgumentException.class, () -> answers.sampling("who"));
        assertThrows(IllegalArgumentException.class, () -> answers.roots("sum"));
        assertThrows(IllegalArgumentException.class, () -> answers.form("where"));
        assertThrows(IllegalArgumentException.class, () -> answers.form("nobody"));
    }

    @Test
    void theRequestsInputsAreABatchOverItsQuestions() {
        SessionClient client = new SessionClient(GOOD_ANSWERS);
        RequestInteraction interaction = new RequestInteraction(TestCaller.of("alice"), null, ALL, null, client,
                Optional::empty, "tool");
        assertEquals(Optional.of("octocat"),
                interaction.inputs().form("who", "Your login?", LOGIN).ask().form("who").string("login"));
        assertEquals(List.of("elicitation/create"), client.asked);
    }
}
