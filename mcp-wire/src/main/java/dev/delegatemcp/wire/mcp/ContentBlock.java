package dev.delegatemcp.wire.mcp;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;

/**
 * One content block of a tool result or message, keyed by {@code type} (MCP 2025-11-25 schema: ContentBlock).
 * JSON-B 3.0 polymorphism writes and reads the {@code type} member.
 */
@JsonbTypeInfo(key = "type", value = {
    @JsonbSubtype(alias = "text", type = ContentBlock.Text.class),
    @JsonbSubtype(alias = "image", type = ContentBlock.Image.class),
    @JsonbSubtype(alias = "audio", type = ContentBlock.Audio.class),
    @JsonbSubtype(alias = "resource", type = ContentBlock.EmbeddedResource.class),
    @JsonbSubtype(alias = "resource_link", type = ContentBlock.ResourceLink.class)})
public sealed interface ContentBlock {

    /** Text (TextContent). */
    record Text(String text) implements ContentBlock {
    }

    /** An image (ImageContent): base64 data and its MIME type. */
    @JsonbPropertyOrder({"data", "mimeType"})
    record Image(String data, String mimeType) implements ContentBlock {
    }

    /** Audio (AudioContent): base64 data and its MIME type. */
    @JsonbPropertyOrder({"data", "mimeType"})
    record Audio(String data, String mimeType) implements ContentBlock {
    }

    /** A resource's contents inlined (EmbeddedResource). */
    record EmbeddedResource(ResourceContents resource) implements ContentBlock {
    }

    /**
     * A link to a resource the server can read, not its contents (MCP 2025-11-25 schema: ResourceLink, a Resource
     * with {@code type: "resource_link"}). Members not listed here ({@code annotations}, {@code icons},
     * {@code _meta}) are ignored when read and not written.
     *
     * @param uri the resource's URI
     * @param name its name (a programmatic identifier)
     * @param title a display name, or null
     * @param description what it is, or null
     * @param mimeType its MIME type, or null
     * @param size its size in bytes (before any encoding), or null when unknown
     */
    @JsonbPropertyOrder({"uri", "name", "title", "description", "mimeType", "size"})
    record ResourceLink(String uri, String name, String title, String description, String mimeType, Long size)
            implements ContentBlock {
    }

    /**
     * A resource's contents (TextResourceContents or BlobResourceContents): exactly one of {@code text} and
     * {@code blob} (base64) is set. Embedded in a content block, and the items of {@link ReadResourceResult}.
     *
     * @param uri the resource's URI
     * @param mimeType its MIME type, or null
     * @param text its text, or null
     * @param blob its bytes in base64, or null
     */
    @JsonbPropertyOrder({"uri", "mimeType", "text", "blob"})
    record ResourceContents(String uri, String mimeType, String text, String blob) {

        /** Text contents (TextResourceContents). */
        public static ResourceContents text(String uri, String mimeType, String text) {
            return new ResourceContents(uri, mimeType, text, null);
        }

        /** Binary contents (BlobResourceContents), {@code blob} already in base64. */
        public static ResourceContents blob(String uri, String mimeType, String blob) {
            return new ResourceContents(uri, mimeType, null, blob);
        }
    }
}
