package dev.delegatemcp.server.protocol.stream;

import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.RequestCancelledException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;

/**
 * How a request gets an answer from the client (sampling, elicitation, roots): in a session, a request sent on the
 * request's stream whose response it waits for (MCP 2025-11-25, {@link RequestChannel}); without one, an input request
 * answered on the client's retry (MCP 2026-07-28, Multi Round-Trip Requests).
 */
public interface ClientQuestions {

    /**
     * @param method e.g. {@code elicitation/create}
     * @param params the request's params (a wire record or JSON-P object)
     * @param what what is asked, for the user's sentence on failure, e.g. "sampling"
     * @return the client's response (with a result or an error)
     * @throws ClientInteractionException when there is no answer, or no way to ask
     * @throws RequestCancelledException when the request was cancelled meanwhile
     */
    JsonRpcMessage ask(String method, Object params, RequestCancellation cancellation, String what);

    /** One question of {@link #askTogether}: its key (of the method's choosing), method, params, and what it is. */
    record Question(String key, String method, Object params, String what) {
    }

    /**
     * Asks several questions together; by default one after another.
     *
     * @return the client's responses, in the questions' order
     * @throws ClientInteractionException as {@link #ask}
     */
    default java.util.List<JsonRpcMessage> askTogether(java.util.List<Question> questions,
            RequestCancellation cancellation) {
        java.util.List<JsonRpcMessage> answers = new java.util.ArrayList<>();
        for (Question question : questions) {
            answers.add(ask(question.method(), question.params(), cancellation, question.what()));
        }
        return answers;
    }

    /**
     * Whether URL-mode elicitations carry an {@code elicitationId} and end with
     * {@code notifications/elicitation/complete} (MCP 2025-11-25); MCP 2026-07-28 removed both.
     */
    default boolean correlatesUrlElicitations() {
        return true;
    }
}
