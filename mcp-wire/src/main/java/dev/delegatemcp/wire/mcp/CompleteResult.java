package dev.delegatemcp.wire.mcp;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The result of {@code completion/complete} (MCP 2025-11-25 schema: CompleteResult).
 *
 * @param completion the suggestions
 */
public record CompleteResult(Completion completion) {

    /** The most values one result may carry (MCP 2025-11-25 schema: CompleteResult.completion.values). */
    public static final int MAX_VALUES = 100;

    /**
     * The suggestions (CompleteResult.completion).
     *
     * @param values suggested values, most relevant first; at most {@link #MAX_VALUES}
     * @param total how many suggestions there are in all (may exceed the values sent), or null when unknown
     * @param hasMore whether there are more suggestions than the values sent, or null when not said
     */
    @JsonbPropertyOrder({"values", "total", "hasMore"})
    public record Completion(List<String> values, Integer total, Boolean hasMore) {
    }
}
