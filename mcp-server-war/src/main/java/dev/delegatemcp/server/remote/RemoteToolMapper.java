package dev.delegatemcp.server.remote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.RemoteTool;
import dev.delegatemcp.api.RemoteToolResult;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.mcp.ContentBlock;
import dev.delegatemcp.wire.mcp.ListToolsResult;
import dev.delegatemcp.wire.mcp.Tool;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import jakarta.json.spi.JsonProvider;

/**
 * Maps the results a remote MCP server sends (MCP 2025-11-25 schema: ListToolsResult, CallToolResult) to the API's
 * {@link RemoteTool}, {@link RemoteToolResult} and {@link Content}. Whatever does not have the schema's shape is
 * {@link RemoteMcpFailures#notMcp()}.
 *
 * <ul>
 * <li><b>Tools</b>: {@code name} is required; the title is {@code title}, else {@code annotations.title} (the
 * 2025-03-26 place); a missing {@code inputSchema} is {@code {"type":"object"}}.</li>
 * <li><b>Content</b>: text, image, audio and embedded resources map to {@link Content} (an embedded resource has
 * exactly one of text and blob); a {@code resource_link} becomes a text item {@code [resource link: <title or name>
 * <uri>]}; a content type {@link ContentBlock} does not know is kept as a text item {@code [unsupported content
 * type: <type, sanitized>]}, so the caller sees that something was left out (the schema grows content types; a
 * client must not fail on a newer one). For that, {@code content} is bound block by block: JSON-B binding the whole
 * CallToolResult fails on the first unknown type.</li>
 * <li><b>Result</b>: {@code isError} is true only for JSON {@code true}; {@code structuredContent} that is not an
 * object is ignored (null); an absent {@code content} is empty.</li>
 * </ul>
 * Thread-safe.
 */
final class RemoteToolMapper {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** A tool without an input schema takes an object (MCP: inputSchema is required; older servers omit it). */
    private static final JsonObject ANY_OBJECT = JSON.createObjectBuilder().add("type", "object").build();

    /** The {@code type} values {@link ContentBlock} binds: its JSON-B subtype aliases. */
    static final Set<String> BOUND_CONTENT_TYPES = Arrays.stream(
            ContentBlock.class.getAnnotation(JsonbTypeInfo.class).value())
            .map(JsonbSubtype::alias).collect(Collectors.toUnmodifiableSet());

    private final RemoteMcpFailures failures;

    RemoteToolMapper(RemoteMcpFailures failures) {
        this.failures = failures;
    }

    /** One page of {@code tools/list}; its {@code tools} are required. */
    ListToolsResult toolsPage(JsonObject result) {
        ListToolsResult page = bind(result, ListToolsResult.class);
        if (page.tools() == null) {
            throw failures.notMcp();
        }
        return page;
    }

    RemoteTool tool(Tool tool) {
        if (tool == null || tool.name() == null) {
            throw failures.notMcp();
        }
        String title = tool.title();
        if (title == null && tool.annotations() != null) {
            title = tool.annotations().title();
        }
        return new RemoteTool(tool.name(), title, tool.description(),
                tool.inputSchema() == null ? ANY_OBJECT : tool.inputSchema(), tool.outputSchema());
    }

    /** The result of {@code tools/call}. */
    RemoteToolResult toolResult(JsonObject result) {
        List<Content> content = new ArrayList<>();
        JsonValue items = result.get("content");
        if (items instanceof JsonArray array) {
            for (JsonValue item : array) {
                content.add(content(item));
            }
        } else if (items != null && items != JsonValue.NULL) {
            throw failures.notMcp();
        }
        JsonObject structured = result.get("structuredContent") instanceof JsonObject object ? object : null;
        return new RemoteToolResult(content, structured, result.get("isError") == JsonValue.TRUE);
    }

    /** One content block of a tool result. */
    Content content(JsonValue value) {
        if (!(value instanceof JsonObject item) || !(item.get("type") instanceof JsonString type)) {
            throw failures.notMcp();
        }
        if (!BOUND_CONTENT_TYPES.contains(type.getString())) {
            return Content.text("[unsupported content type: " + RemoteMcpMessages.sanitize(type.getString()) + "]");
        }
        return content(bind(item, ContentBlock.class));
    }

    private Content content(ContentBlock block) {
        if (block instanceof ContentBlock.Text text) {
            return Content.text(required(text.text()));
        }
        if (block instanceof ContentBlock.Image image) {
            return new Content.Image(required(image.data()), required(image.mimeType()));
        }
        if (block instanceof ContentBlock.Audio audio) {
            return new Content.Audio(required(audio.data()), required(audio.mimeType()));
        }
        if (block instanceof ContentBlock.EmbeddedResource embedded) {
            ContentBlock.ResourceContents resource = embedded.resource();
            if (resource == null || (resource.text() == null) == (resource.blob() == null)) {
                throw failures.notMcp();
            }
            return new Content.Resource(required(resource.uri()), resource.mimeType(), resource.text(),
                    resource.blob());
        }
        if (block instanceof ContentBlock.ResourceLink link) {
            String label = link.title() != null ? link.title() : required(link.name());
            return Content.text("[resource link: " + label + " " + required(link.uri()) + "]");
        }
        throw failures.notMcp();
    }

    private <T> T bind(JsonObject json, Class<T> type) {
        try {
            return WireJson.fromJson(json, type);
        } catch (JsonbException e) {
            throw failures.notMcp();
        }
    }

    private String required(String value) {
        if (value == null) {
            throw failures.notMcp();
        }
        return value;
    }
}
