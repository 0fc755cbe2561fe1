package dev.delegatemcp.server.protocol.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.Elicitation;
import dev.delegatemcp.api.interaction.ElicitationResult;
import dev.delegatemcp.api.interaction.ElicitationSchema;
import dev.delegatemcp.wire.mcp.ElicitationCompleteParams;
import dev.delegatemcp.wire.mcp.FormElicitation;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.UrlElicitation;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** {@code elicitation/create} to the client, form and URL mode (MCP 2025-11-25, Client features, Elicitation). */
final class ClientElicitation implements Elicitation {

    private final boolean form;
    private final boolean url;
    private final RequestChannel channel;
    private final ClientQuestions questions;
    private final RequestCancellation cancellation;

    ClientElicitation(boolean form, boolean url, RequestChannel channel, RequestCancellation cancellation) {
        this(form, url, channel, channel, cancellation);
    }

    /** @param questions how the client is asked; {@code channel} carries the completion notification */
    ClientElicitation(boolean form, boolean url, RequestChannel channel, ClientQuestions questions,
            RequestCancellation cancellation) {
        this.form = form;
        this.url = url;
        this.channel = channel;
        this.questions = questions;
        this.cancellation = cancellation;
    }

    @Override
    public boolean formSupported() {
        return form;
    }

    @Override
    public boolean urlSupported() {
        return url;
    }

    @Override
    public ElicitationResult form(String message, ElicitationSchema schema) {
        if (!form) {
            throw new ClientInteractionException(ClientInteractionException.Reason.NOT_SUPPORTED,
                    "This client cannot show the user a form (it did not declare form elicitation).",
                    "elicitation.form");
        }
        return readForm(ClientReplies.result(questions.ask(McpMethods.ELICITATION_CREATE,
                formParams(message, schema), cancellation, "form"), "form"), schema);
    }

    static FormElicitation formParams(String message, ElicitationSchema schema) {
        return FormElicitation.of(message, ElicitationForms.requestedSchema(schema));
    }

    /** The answer to a form: its action, and for an accepted form its values, checked against the schema. */
    static ElicitationResult readForm(JsonObject result, ElicitationSchema schema) {
        ElicitationResult.Action action = action(result, "form");
        if (action != ElicitationResult.Action.ACCEPT) {
            return new ElicitationResult(action, Map.of(), null);
        }
        JsonValue content = result.get("content");
        List<String> problems = new ArrayList<>();
        Map<String, Object> values = ElicitationForms.read(schema,
                content instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT, problems);
        if (!problems.isEmpty()) {
            throw new ClientInteractionException(ClientInteractionException.Reason.REFUSED,
                    "The answers to the form do not fit it: " + String.join("; ", problems) + ".");
        }
        return new ElicitationResult(action, values, null);
    }

    @Override
    public ElicitationResult url(String message, String target) {
        if (!url) {
            throw new ClientInteractionException(ClientInteractionException.Reason.NOT_SUPPORTED,
                    "This client cannot send the user to a web page (it did not declare URL elicitation).",
                    "elicitation.url");
        }
        // MCP 2026-07-28 removed elicitationId: the client's retry is how the server learns the outcome.
        String id = questions.correlatesUrlElicitations() ? UUID.randomUUID().toString() : null;
        JsonObject result = ClientReplies.result(questions.ask(McpMethods.ELICITATION_CREATE,
                UrlElicitation.of(id, target, message), cancellation, "URL"), "URL");
        return new ElicitationResult(action(result, "URL"), Map.of(), id);
    }

    @Override
    public void complete(String elicitationId) {
        if (elicitationId == null || !questions.correlatesUrlElicitations()) {
            return; // nothing to correlate (MCP 2026-07-28: the client learns the outcome by retrying)
        }
        channel.notify(McpMethods.ELICITATION_COMPLETE, new ElicitationCompleteParams(elicitationId));
    }

    private static ElicitationResult.Action action(JsonObject result, String what) {
        if (result.get("action") instanceof JsonString action) {
            switch (action.getString()) {
                case "accept":
                    return ElicitationResult.Action.ACCEPT;
                case "decline":
                    return ElicitationResult.Action.DECLINE;
                case "cancel":
                    return ElicitationResult.Action.CANCEL;
                default:
                    break;
            }
        }
        throw ClientReplies.malformed(what);
    }
}
