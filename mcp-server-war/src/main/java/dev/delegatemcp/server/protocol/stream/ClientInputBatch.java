package dev.delegatemcp.server.protocol.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.api.interaction.ClientInputs;
import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.ElicitationResult;
import dev.delegatemcp.api.interaction.ElicitationSchema;
import dev.delegatemcp.api.interaction.Roots;
import dev.delegatemcp.api.interaction.SamplingRequest;
import dev.delegatemcp.api.interaction.SamplingResult;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** {@link ClientInputs}: the questions go to {@link ClientQuestions#askTogether}, the answers are read per kind. */
final class ClientInputBatch implements ClientInputs {

    private record Entry(ClientQuestions.Question question, ElicitationSchema schema) {
    }

    private final ClientCapabilities capabilities;
    private final ClientQuestions questions;
    private final RequestCancellation cancellation;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    ClientInputBatch(ClientCapabilities capabilities, ClientQuestions questions, RequestCancellation cancellation) {
        this.capabilities = capabilities;
        this.questions = questions;
        this.cancellation = cancellation;
    }

    @Override
    public ClientInputs form(String key, String message, ElicitationSchema schema) {
        return add(key, new ClientQuestions.Question(key, McpMethods.ELICITATION_CREATE,
                ClientElicitation.formParams(message, schema), "form"), schema);
    }

    @Override
    public ClientInputs sampling(String key, SamplingRequest request) {
        return add(key, new ClientQuestions.Question(key, McpMethods.SAMPLING_CREATE_MESSAGE,
                ClientSampling.params(request), "sampling"), null);
    }

    @Override
    public ClientInputs roots(String key) {
        return add(key, new ClientQuestions.Question(key, McpMethods.ROOTS_LIST, JsonValue.EMPTY_JSON_OBJECT,
                "roots"), null);
    }

    @Override
    public Answers ask() {
        for (Entry entry : entries.values()) {
            String unsupported = unsupported(entry.question().method());
            if (unsupported != null) {
                throw new ClientInteractionException(ClientInteractionException.Reason.NOT_SUPPORTED, unsupported,
                        capability(entry.question().method()));
            }
        }
        List<Entry> asked = new ArrayList<>(entries.values());
        List<JsonRpcMessage> replies = questions.askTogether(asked.stream().map(Entry::question).toList(),
                cancellation);
        Map<String, Object> answers = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            Entry entry = asked.get(i);
            JsonObject result = ClientReplies.result(replies.get(i), entry.question().what());
            switch (entry.question().method()) {
                case McpMethods.ELICITATION_CREATE:
                    answers.put(entry.question().key(), ClientElicitation.readForm(result, entry.schema()));
                    break;
                case McpMethods.SAMPLING_CREATE_MESSAGE:
                    answers.put(entry.question().key(), ClientSampling.read(result));
                    break;
                default:
                    answers.put(entry.question().key(), ClientRoots.read(result));
                    break;
            }
        }
        return new Answers() {
            @Override
            public ElicitationResult form(String key) {
                return answer(key, ElicitationResult.class);
            }

            @Override
            public SamplingResult sampling(String key) {
                return answer(key, SamplingResult.class);
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<Roots.Root> roots(String key) {
                return answer(key, List.class);
            }

            private <T> T answer(String key, Class<T> type) {
                Object answer = answers.get(key);
                if (!type.isInstance(answer)) {
                    throw new IllegalArgumentException("No " + type.getSimpleName() + " was asked under " + key);
                }
                return type.cast(answer);
            }
        };
    }

    private ClientInputs add(String key, ClientQuestions.Question question, ElicitationSchema schema) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A question needs a key");
        }
        if (entries.putIfAbsent(key, new Entry(question, schema)) != null) {
            throw new IllegalArgumentException("Two questions share the key " + key);
        }
        return this;
    }

    private static String capability(String method) {
        switch (method) {
            case McpMethods.ELICITATION_CREATE:
                return "elicitation.form";
            case McpMethods.SAMPLING_CREATE_MESSAGE:
                return "sampling";
            default:
                return "roots";
        }
    }

    private String unsupported(String method) {
        switch (method) {
            case McpMethods.ELICITATION_CREATE:
                return capabilities.formElicitation() ? null
                        : "This client cannot show the user a form (it did not declare form elicitation).";
            case McpMethods.SAMPLING_CREATE_MESSAGE:
                return capabilities.sampling() ? null
                        : "This client cannot lend its model to the server (it did not declare the sampling capability).";
            default:
                return capabilities.roots() ? null
                        : "This client does not share its roots (it did not declare the roots capability).";
        }
    }
}
