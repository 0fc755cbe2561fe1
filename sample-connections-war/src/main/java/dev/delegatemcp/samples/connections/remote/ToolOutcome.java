package dev.delegatemcp.samples.connections.remote;

import jakarta.json.JsonObject;

/**
 * What a remote tool produced: its data (success) or a sentence saying why it could not do it (an {@code isError}
 * result). The protocol adds the connection to either.
 *
 * @param data      the result's fields, or null on error
 * @param errorText the sentence for the user, or null on success
 */
public record ToolOutcome(JsonObject data, String errorText) {

    public static ToolOutcome success(JsonObject data) {
        return new ToolOutcome(data, null);
    }

    public static ToolOutcome error(String sentence) {
        return new ToolOutcome(null, sentence);
    }

    public boolean isError() {
        return errorText != null;
    }
}
