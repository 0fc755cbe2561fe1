package dev.delegatemcp.api.interaction;

/**
 * Progress of the current request, sent as {@code notifications/progress} with the request's {@code progressToken}
 * (MCP 2025-11-25, Utilities, Progress). When the client sent no token, the calls do nothing.
 */
public interface Progress {

    /** Whether the client asked for progress (sent a {@code progressToken}). */
    boolean requested();

    /**
     * Reports progress.
     *
     * @param progress how far the work is, in any unit; must be greater than the last value reported
     * @param total the value {@code progress} reaches when done, or null when unknown
     * @param message a human-readable sentence about the current step, or null
     * @throws IllegalArgumentException when {@code progress} does not increase or is not a finite number
     */
    void report(double progress, Double total, String message);

    /** Reports progress without a total or a message. */
    default void report(double progress) {
        report(progress, null, null);
    }

    /** Reports progress with a total and no message. */
    default void report(double progress, double total) {
        report(progress, total, null);
    }
}
