package dev.delegatemcp.api.interaction;

import java.util.List;

/**
 * Several questions to the client asked together, each under a key the method chooses: get it from
 * {@link McpRequest#inputs()}, add questions, then {@link #ask()}. Asking together matters to clients of MCP
 * 2026-07-28: they get every question in one InputRequiredResult ({@code inputRequests}, keyed so) and answer them in
 * one retry (Multi Round-Trip Requests); clients of MCP 2025-11-25 are asked one question after another on the
 * request's stream, as with {@link McpRequest#elicitation()}, {@link McpRequest#sampling()} and
 * {@link McpRequest#roots()}. A question the client did not declare it can answer fails at {@link #ask()} with
 * {@link ClientInteractionException} ({@code NOT_SUPPORTED}) before anything is asked; add only the questions it can
 * answer (see {@link Elicitation#formSupported()}, {@link Sampling#supported()}, {@link Roots#supported()}).
 * <p>
 * Not thread-safe: one method builds and asks.
 */
public interface ClientInputs {

    /** A form for the user (elicitation, form mode), answered under {@code key}. */
    ClientInputs form(String key, String message, ElicitationSchema schema);

    /** A completion from the client's model (sampling), answered under {@code key}. */
    ClientInputs sampling(String key, SamplingRequest request);

    /** The client's roots, answered under {@code key}. */
    ClientInputs roots(String key);

    /**
     * Asks every question added.
     *
     * @return the answers, by key
     * @throws ClientInteractionException as the single questions do (not supported, refused, timed out, disconnected)
     * @throws RequestCancelledException when the client cancelled the request meanwhile
     * @throws IllegalArgumentException when two questions share a key, or a key is blank
     */
    Answers ask();

    /** The answers of {@link #ask()}. */
    interface Answers {

        /**
         * @throws IllegalArgumentException when no form was asked under {@code key}
         */
        ElicitationResult form(String key);

        /**
         * @throws IllegalArgumentException when no sampling was asked under {@code key}
         */
        SamplingResult sampling(String key);

        /**
         * @throws IllegalArgumentException when no roots were asked under {@code key}
         */
        List<Roots.Root> roots(String key);
    }
}
