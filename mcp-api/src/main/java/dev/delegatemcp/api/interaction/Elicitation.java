package dev.delegatemcp.api.interaction;

/**
 * Asks the user for input through the client ({@code elicitation/create}, MCP 2025-11-25, Client features,
 * Elicitation): in a form the client renders from a flat schema, or at a URL the client opens (for what must not pass
 * through the client: credentials, payments, connecting a service).
 */
public interface Elicitation {

    /** Whether the client declared form-mode elicitation ({@code elicitation} or {@code elicitation.form}). */
    boolean formSupported();

    /** Whether the client declared URL-mode elicitation ({@code elicitation.url}). */
    boolean urlSupported();

    /**
     * Asks the user to fill in a form and waits for the answer, for at most {@code mcp.interaction.timeout}.
     *
     * @param message what the form is for, shown to the user
     * @return the user's action and, when accepted, the values (checked against the schema by the server)
     * @throws ClientInteractionException when the client does not do forms, refused, answered values that do not fit
     *         the schema, or did not answer in time
     * @throws RequestCancelledException when the client cancelled the request being served meanwhile
     */
    ElicitationResult form(String message, ElicitationSchema schema);

    /**
     * Asks the user to open a URL and waits until they consented or declined (not until they finished there: the
     * interaction at the URL happens out of band). Send {@link #complete(String)} when it is done.
     *
     * @param message why the user should open the URL
     * @param url an absolute https URL (http only on localhost)
     * @return the user's action, with the elicitation's id in {@link ElicitationResult#elicitationId()}
     * @throws ClientInteractionException when the client does not do URL elicitation, refused, or did not answer in
     *         time
     * @throws RequestCancelledException when the client cancelled the request being served meanwhile
     */
    ElicitationResult url(String message, String url);

    /**
     * Tells the client that the out-of-band interaction of a URL elicitation has finished
     * ({@code notifications/elicitation/complete}), so it can retry what was waiting for it.
     */
    void complete(String elicitationId);
}
