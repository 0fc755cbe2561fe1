package dev.delegatemcp.wire.mcp;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The result of {@code tools/call} (MCP 2025-11-25 schema: CallToolResult). A tool's own failure is a result with
 * {@code isError: true} and a sentence for the user, never a protocol error.
 *
 * @param content what the tool returned, as content blocks (for structured results: the same data as JSON text)
 * @param isError whether the tool failed
 * @param structuredContent the result as a JSON object matching the tool's output schema, or null
 */
@JsonbPropertyOrder({"content", "isError", "structuredContent"})
public record CallToolResult(List<ContentBlock> content, @JsonbProperty("isError") boolean isError,
        JsonObject structuredContent) {

    /** A failed call with one text block the end user can act on. */
    public static CallToolResult error(String sentence) {
        return new CallToolResult(List.of(new ContentBlock.Text(sentence)), true, null);
    }
}
