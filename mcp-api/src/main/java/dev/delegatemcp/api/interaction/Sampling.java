package dev.delegatemcp.api.interaction;

/**
 * Asks the client's language model for a message ({@code sampling/createMessage}, MCP 2025-11-25, Client features,
 * Sampling). The client, and usually its user, decides whether and how to answer.
 */
public interface Sampling {

    /** Whether the client declared the {@code sampling} capability. */
    boolean supported();

    /**
     * Sends the request and waits for the answer, for at most {@code mcp.interaction.timeout}.
     *
     * @return the model's message
     * @throws ClientInteractionException when the client did not declare sampling, refused, or did not answer in time
     * @throws RequestCancelledException when the client cancelled the request being served meanwhile
     */
    SamplingResult createMessage(SamplingRequest request);
}
