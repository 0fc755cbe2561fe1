package dev.delegatemcp.test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The result of a {@code tools/call} (MCP 2025-11-25, Server features, Tools, "Tool Result"): its content, structured
 * content and {@code isError}, with the progress and log notifications the call sent. The {@code assert...} methods
 * throw {@link AssertionError} with the result's text, so a failing test says what the tool answered; each returns this
 * result, to chain.
 */
public final class ToolResult {

    private final String tool;
    private final McpResponse response;
    private final JsonObject result;

    ToolResult(String tool, McpResponse response) {
        this.tool = tool;
        this.response = response;
        this.result = response.result();
    }

    /** The tool's name. */
    public String tool() {
        return tool;
    }

    /** {@code isError}: the tool failed and says why in its content (false when absent). */
    public boolean isError() {
        return result.getBoolean("isError", false);
    }

    /** The {@code content} array (empty when absent). */
    public JsonArray content() {
        return result.containsKey("content") ? result.getJsonArray("content") : JsonValue.EMPTY_JSON_ARRAY;
    }

    /** The text of every {@code text} content item, joined with new lines; empty when there is none. */
    public String text() {
        return content().stream().filter(item -> item instanceof JsonObject object
                && "text".equals(object.getString("type", null)) && object.get("text") instanceof JsonString)
                .map(item -> ((JsonObject) item).getString("text")).collect(Collectors.joining("\n"));
    }

    /** {@code structuredContent}, or null when the tool gave none. */
    public JsonObject structuredContent() {
        return result.containsKey("structuredContent") ? result.getJsonObject("structuredContent") : null;
    }

    /** The whole {@code result} object. */
    public JsonObject json() {
        return result;
    }

    /** The progress notifications the call sent, in order. */
    public List<McpResponse.Progress> progress() {
        return response.progress();
    }

    /** The log messages the call sent, in order. */
    public List<McpResponse.LogMessage> logs() {
        return response.logs();
    }

    /** The whole response, with every notification and server request of the call. */
    public McpResponse response() {
        return response;
    }

    /** Asserts the tool succeeded ({@code isError} false). */
    public ToolResult assertSuccess() {
        if (isError()) {
            throw new AssertionError("Expected " + tool + " to succeed, but it answered isError: " + text());
        }
        return this;
    }

    /** Asserts the tool failed ({@code isError} true), as it does when a downstream service or credential fails. */
    public ToolResult assertIsError() {
        if (!isError()) {
            throw new AssertionError("Expected " + tool + " to answer isError: true, but it succeeded: " + text());
        }
        return this;
    }

    /** Asserts the text content contains that string. */
    public ToolResult assertTextContains(String expected) {
        if (!text().contains(expected)) {
            throw new AssertionError("Expected the result of " + tool + " to contain \"" + expected + "\", but it was: "
                    + text());
        }
        return this;
    }

    /** Asserts the structured content has that member with that string value. */
    public ToolResult assertStructured(String member, String expected) {
        JsonObject structured = structuredContent();
        String actual = structured == null || !(structured.get(member) instanceof JsonString value) ? null
                : value.getString();
        if (!expected.equals(actual)) {
            throw new AssertionError("Expected structuredContent." + member + " of " + tool + " to be \"" + expected
                    + "\", but the structured content was: " + structured);
        }
        return this;
    }

    /** Asserts the structured content has that member with that number value (compared as decimals: 42 equals 42.0). */
    public ToolResult assertStructured(String member, Number expected) {
        JsonObject structured = structuredContent();
        boolean equal = structured != null && structured.get(member) instanceof JsonNumber actual
                && actual.bigDecimalValue().compareTo(new BigDecimal(expected.toString())) == 0;
        if (!equal) {
            throw new AssertionError("Expected structuredContent." + member + " of " + tool + " to be " + expected
                    + ", but the structured content was: " + structured);
        }
        return this;
    }

    /** Asserts the structured content has that member with that boolean value. */
    public ToolResult assertStructured(String member, boolean expected) {
        JsonObject structured = structuredContent();
        if (structured == null || structured.get(member) != (expected ? JsonValue.TRUE : JsonValue.FALSE)) {
            throw new AssertionError("Expected structuredContent." + member + " of " + tool + " to be " + expected
                    + ", but the structured content was: " + structured);
        }
        return this;
    }

    @Override
    public String toString() {
        return tool + (isError() ? " (isError): " : ": ") + text();
    }
}
