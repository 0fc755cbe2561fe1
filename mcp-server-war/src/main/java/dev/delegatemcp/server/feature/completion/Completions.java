package dev.delegatemcp.server.feature.completion;

import java.util.List;

import dev.delegatemcp.api.completion.Completion;
import dev.delegatemcp.wire.mcp.CompleteResult;

/**
 * Turns what a completer returned into the {@code completion} of a {@link CompleteResult} (MCP 2025-11-25, Completion,
 * Completion Results: at most 100 values). A {@code List<String>} is every match: its size is the total. Past
 * {@link CompleteResult#MAX_VALUES} values the rest are cut and {@code hasMore} is true; the total is the author's, or
 * the number of values returned.
 */
final class Completions {

    /** No completer, or nothing matches: {@code {values: [], total: 0, hasMore: false}}. */
    static final CompleteResult.Completion NONE = new CompleteResult.Completion(List.of(), 0, false);

    private Completions() {
    }

    /** @throws IllegalStateException saying what is wrong (for the log) with a null result or a null value */
    static CompleteResult.Completion of(Object returned) {
        if (returned == null) {
            throw new IllegalStateException("a null result");
        }
        Completion completion;
        try {
            completion = returned instanceof Completion given ? given
                    : Completion.of(((List<?>) returned).stream().map(String.class::cast).toList());
        } catch (NullPointerException | ClassCastException e) {
            throw new IllegalStateException("a value that is not a string");
        }
        List<String> values = completion.values();
        if (values.size() > CompleteResult.MAX_VALUES) {
            return new CompleteResult.Completion(List.copyOf(values.subList(0, CompleteResult.MAX_VALUES)),
                    completion.total() != null ? completion.total() : values.size(), true);
        }
        return new CompleteResult.Completion(values, completion.total(), completion.hasMore());
    }
}
