package dev.delegatemcp.server.protocol.roundtrip;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.server.protocol.stream.ClientQuestions;
import dev.delegatemcp.server.protocol.stream.RequestCancellation;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The questions of one request to a client without a session (MCP 2026-07-28, Multi Round-Trip Requests): a question
 * whose answer is known returns it; the first one without an answer ends the round ({@link InputRequiredException})
 * and becomes the {@code inputRequests} of an InputRequiredResult. The client's retry runs the request again from the
 * start: questions asked before are answered at once from the answers carried in {@code requestState}, the question
 * that ended the last round from the retry's {@code inputResponses}.
 * <p>
 * Each question's key is the one the method chose ({@link dev.delegatemcp.api.interaction.ClientInputs}) or its
 * kind and its position in the run ({@code elicitation-1}, {@code sampling-2}, ...). An answer carried from an earlier
 * round counts only for the same question: its method and params must digest the same as when it was answered, so a
 * request that asks something else on the retry is asked again rather than given an answer to another question.
 * Answers to keys that are not asked are ignored, and a question whose answer is missing is asked again (Error
 * Handling: "SHOULD ignore any information it does not recognize", "SHOULD respond with a new
 * InputRequiredResult"). Not thread-safe: one request's thread asks.
 */
public final class RoundTrip implements ClientQuestions {

    /** A known answer: the digest of the question it answers, and the client's result. */
    record Answer(String digest, JsonObject result) {
    }

    private static final Set<String> ROUND_TRIP_METHODS = Set.of(McpMethods.TOOLS_CALL, McpMethods.PROMPTS_GET,
            McpMethods.RESOURCES_READ);

    private final boolean allowed;
    private final Map<String, Answer> answers;
    private final JsonObject inputResponses;
    private final Map<String, JsonObject> pending = new LinkedHashMap<>();
    private int asked;
    private String invalid;

    private RoundTrip(boolean allowed, Map<String, Answer> answers, JsonObject inputResponses) {
        this.allowed = allowed;
        this.answers = new LinkedHashMap<>(answers);
        this.inputResponses = inputResponses;
    }

    /** Whether requests of this method may end with an InputRequiredResult (MRTR, Supported Requests). */
    public static boolean supports(String method) {
        return ROUND_TRIP_METHODS.contains(method);
    }

    /** The first round of a request: nothing answered before, and maybe the client's answers already. */
    static RoundTrip first(String method, JsonObject inputResponses) {
        return new RoundTrip(supports(method), Map.of(), inputResponses);
    }

    /**
     * A retry.
     *
     * @param state the payload of the verified {@code requestState} ({@link #state()} of the round before)
     * @param inputResponses the retry's {@code inputResponses} (an object; empty when absent)
     */
    static RoundTrip retry(String method, JsonObject state, JsonObject inputResponses) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        if (state.get("answers") instanceof JsonObject known) {
            known.forEach((key, value) -> {
                if (value instanceof JsonObject answer && answer.get("d") instanceof JsonString digest
                        && answer.get("r") instanceof JsonObject result) {
                    answers.put(key, new Answer(digest.getString(), result));
                }
            });
        }
        return new RoundTrip(supports(method), answers, inputResponses);
    }

    @Override
    public JsonRpcMessage ask(String method, Object params, RequestCancellation cancellation, String what) {
        List<JsonRpcMessage> answers = askTogether(List.of(new Question(null, method, params, what)), cancellation);
        return answers.get(0);
    }

    /**
     * Answers the questions that have answers; when any has none, they all become input requests of this round
     * (with those that have none) and the round ends.
     *
     * @throws InputRequiredException when a question has no answer yet
     * @throws InvalidInputResponseException when an answer does not have the shape of its question's result
     */
    @Override
    public List<JsonRpcMessage> askTogether(List<Question> questions, RequestCancellation cancellation) {
        cancellation.check();
        if (!allowed) {
            throw new ClientInteractionException(ClientInteractionException.Reason.NOT_SUPPORTED,
                    "The server cannot ask the client for " + questions.get(0).what()
                            + " while serving this kind of request.");
        }
        List<JsonRpcMessage> answered = new ArrayList<>();
        for (Question question : questions) {
            String key = question.key() != null ? question.key() : kind(question.method()) + "-" + (asked + 1);
            asked++;
            JsonObject request = Json.createObjectBuilder().add("method", question.method())
                    .add("params", json(question.params())).build();
            String digest = CanonicalJson.digest(request);
            Answer known = answers.get(key);
            if (known != null && known.digest().equals(digest)) {
                answered.add(answer(known.result()));
            } else if (inputResponses.containsKey(key) && inputResponses.get(key) != JsonValue.NULL) {
                // The retry's answer to this key. Accepted also without an earlier round (the client answered what
                // it will be asked): answers are the client's word either way, and are checked like any other.
                JsonObject result = checked(question.method(), key, inputResponses.get(key));
                answers.put(key, new Answer(digest, result));
                answered.add(answer(result));
            } else {
                pending.put(key, request);
            }
        }
        if (!pending.isEmpty()) {
            throw new InputRequiredException();
        }
        return answered;
    }

    @Override
    public boolean correlatesUrlElicitations() {
        return false;
    }

    /** Whether the round ended on a question without an answer. */
    public boolean inputRequired() {
        return !pending.isEmpty();
    }

    /** The sentence of the -32602 error when an answer did not fit its question, else null. */
    public String invalidResponse() {
        return invalid;
    }

    /** The InputRequiredResult's {@code inputRequests}: key to {@code {"method": ..., "params": ...}}. */
    public Map<String, JsonObject> inputRequests() {
        return Collections.unmodifiableMap(pending);
    }

    /**
     * What the next round needs, to be sealed into {@code requestState}: {@code {"answers": {key: {"d": digest of
     * the question, "r": the client's result}}}}. It holds the client's answers (which may be personal data):
     * sealed, never in clear.
     */
    public JsonObject state() {
        JsonObjectBuilder known = Json.createObjectBuilder();
        answers.forEach((key, answer) -> known.add(key,
                Json.createObjectBuilder().add("d", answer.digest()).add("r", answer.result())));
        return Json.createObjectBuilder().add("answers", known).build();
    }

    /** The answer, when it has the shape of the result of {@code method}; else the round ends with -32602. */
    private JsonObject checked(String method, String key, JsonValue answer) {
        String problem = problem(method, answer);
        if (problem != null) {
            invalid = "Invalid params: inputResponses[\"" + key + "\"] " + problem;
            throw new InvalidInputResponseException(invalid);
        }
        return (JsonObject) answer;
    }

    /** What is wrong with an answer (MCP 2026-07-28 schema: ElicitResult, CreateMessageResult, ListRootsResult). */
    static String problem(String method, JsonValue answer) {
        if (!(answer instanceof JsonObject result)) {
            return "must be an object";
        }
        switch (method) {
            case McpMethods.ELICITATION_CREATE:
                if (!(result.get("action") instanceof JsonString action)
                        || !Set.of("accept", "decline", "cancel").contains(action.getString())) {
                    return "must be an ElicitResult: \"action\" is one of accept, decline, cancel";
                }
                if (result.containsKey("content") && !(result.get("content") instanceof JsonObject)) {
                    return "must be an ElicitResult: \"content\" is an object";
                }
                return null;
            case McpMethods.SAMPLING_CREATE_MESSAGE:
                if (!(result.get("role") instanceof JsonString)
                        || !(result.get("content") instanceof JsonObject
                                || result.get("content") instanceof JsonArray)) {
                    return "must be a CreateMessageResult: \"role\" and \"content\" are required";
                }
                return null;
            case McpMethods.ROOTS_LIST:
                return result.get("roots") instanceof JsonArray ? null
                        : "must be a ListRootsResult: \"roots\" is an array";
            default:
                return null;
        }
    }

    private static JsonRpcMessage answer(JsonObject result) {
        return new JsonRpcMessage(JsonValue.NULL, null, null, result, null);
    }

    private static String kind(String method) {
        switch (method) {
            case McpMethods.ELICITATION_CREATE:
                return "elicitation";
            case McpMethods.SAMPLING_CREATE_MESSAGE:
                return "sampling";
            case McpMethods.ROOTS_LIST:
                return "roots";
            default:
                return "input";
        }
    }

    private static JsonValue json(Object params) {
        if (params instanceof JsonValue value) {
            return value;
        }
        try (var reader = Json.createReader(new StringReader(WireJson.toJson(params)))) {
            return reader.readValue();
        }
    }
}
