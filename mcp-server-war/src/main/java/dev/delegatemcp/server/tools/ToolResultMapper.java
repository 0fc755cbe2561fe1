package dev.delegatemcp.server.tools;

import java.io.StringReader;
import java.util.Collection;
import java.util.List;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.RemoteToolResult;
import dev.delegatemcp.api.ToolResponse;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.spi.JsonProvider;

/**
 * Turns what a tool returned into a CallToolResult: {@code String} to text content, {@link Content} and
 * {@link ToolResponse} and {@link RemoteToolResult} as they are, records/POJOs to {@code structuredContent} mirrored as JSON text, anything else
 * to its JSON text.
 */
public final class ToolResultMapper {

    /** Looked up once: {@code Json.createXxx} looks the provider up again on every call (a class-loader lock). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final Jsonb jsonb;

    public ToolResultMapper(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    public JsonObject success(ToolDefinition tool, Object value) {
        if (value instanceof ToolResponse response) {
            return result(response.content(), response.isError());
        }
        if (value instanceof RemoteToolResult remote) {
            return remote(remote);
        }
        if (value == null) {
            // A tool that declares an outputSchema must answer with structured content; null cannot match it.
            return tool.outputSchema() == null ? result(List.of(), false)
                    : error("The tool " + tool.name() + " returned no result.");
        }
        if (value instanceof String text) {
            return result(List.of(Content.text(text)), false);
        }
        if (value instanceof Content content) {
            return result(List.of(content), false);
        }
        if (ToolDefinitionReader.isContentList(tool.method().getGenericReturnType())) {
            return result(((Collection<?>) value).stream().map(Content.class::cast).toList(), false);
        }
        String json = jsonb.toJson(value, tool.method().getGenericReturnType());
        if (tool.outputSchema() == null) {
            return result(List.of(Content.text(json)), false);
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return JSON.createObjectBuilder(result(List.of(Content.text(json)), false))
                    .add("structuredContent", reader.readObject()).build();
        }
    }

    /** A remote tool's answer passed on as it is: content, structured content, error flag. */
    public JsonObject remote(RemoteToolResult remote) {
        JsonObject result = result(remote.content(), remote.isError());
        return remote.structuredContent() == null ? result
                : JSON.createObjectBuilder(result).add("structuredContent", remote.structuredContent()).build();
    }

    /** An error result with one text item the end user can act on. */
    public JsonObject error(String message) {
        return result(List.of(Content.text(message)), true);
    }

    private static JsonObject result(List<Content> content, boolean isError) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        content.forEach(item -> items.add(toJson(item)));
        return JSON.createObjectBuilder().add("content", items).add("isError", isError).build();
    }

    static JsonObject toJson(Content content) {
        if (content instanceof Content.Text text) {
            return JSON.createObjectBuilder().add("type", "text").add("text", text.text()).build();
        }
        if (content instanceof Content.Image image) {
            return JSON.createObjectBuilder().add("type", "image").add("data", image.data())
                    .add("mimeType", image.mimeType()).build();
        }
        if (content instanceof Content.Audio audio) {
            return JSON.createObjectBuilder().add("type", "audio").add("data", audio.data())
                    .add("mimeType", audio.mimeType()).build();
        }
        Content.Resource resource = (Content.Resource) content;
        JsonObjectBuilder inner = JSON.createObjectBuilder().add("uri", resource.uri());
        if (resource.mimeType() != null) {
            inner.add("mimeType", resource.mimeType());
        }
        if (resource.text() != null) {
            inner.add("text", resource.text());
        } else {
            inner.add("blob", resource.blob());
        }
        return JSON.createObjectBuilder().add("type", "resource").add("resource", inner).build();
    }
}
