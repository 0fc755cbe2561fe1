package dev.delegatemcp.api.completion;

import java.util.List;

/**
 * Suggestions for an argument, returned by a {@link CompleteArgument} method (MCP 2025-11-25 schema:
 * CompleteResult.completion). Return a plain {@code List<String>} when it holds every match.
 *
 * @param values suggested values, most relevant first; the server sends the first 100 and then says there are more
 * @param total how many matches there are in all, which may exceed {@code values}; null when unknown
 * @param hasMore whether there are more matches than {@code values}, even when the total is unknown
 */
public record Completion(List<String> values, Integer total, boolean hasMore) {

    public Completion {
        values = List.copyOf(values);
        if (total != null && total < 0) {
            throw new IllegalArgumentException("total must not be negative");
        }
    }

    /** Every match: the total is their number and there are no more. */
    public static Completion of(List<String> values) {
        return new Completion(values, values.size(), false);
    }
}
