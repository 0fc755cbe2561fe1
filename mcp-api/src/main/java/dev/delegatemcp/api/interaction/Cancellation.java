package dev.delegatemcp.api.interaction;

/**
 * Whether the client cancelled the current request ({@code notifications/cancelled}, MCP 2025-11-25, Utilities,
 * Cancellation). A cancelled request gets no response. A method waiting for the client (sampling, elicitation,
 * roots) is woken with a {@link RequestCancelledException}; a long computation should look at
 * {@link #isCancelled()} between steps, or call {@link #check()}.
 */
public interface Cancellation {

    /** Whether the client cancelled the request. */
    boolean isCancelled();

    /**
     * Stops the method when the request was cancelled.
     *
     * @throws RequestCancelledException when it was
     */
    default void check() {
        if (isCancelled()) {
            throw new RequestCancelledException();
        }
    }
}
