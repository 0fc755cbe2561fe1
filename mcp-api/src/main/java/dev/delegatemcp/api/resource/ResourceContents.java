package dev.delegatemcp.api.resource;

import java.util.Base64;
import java.util.Objects;

/**
 * One item of a resource's contents (MCP 2025-11-25 schema: TextResourceContents, BlobResourceContents), returned by
 * an {@link McpResource} or {@link McpResourceTemplate} method, alone or in a {@code List}. An item without a URI is
 * the resource that was read (for a template: the concrete URI); an item without a MIME type has the one the
 * annotation declares. Give a URI of your own for a sub-resource.
 */
public sealed interface ResourceContents permits ResourceContents.Text, ResourceContents.Blob {

    /** The item's URI, or null for the URI that was read. */
    String uri();

    /** The item's MIME type, or null for the declared one. */
    String mimeType();

    /** Text of the resource that was read, with its declared MIME type. */
    static Text text(String text) {
        return new Text(null, null, text);
    }

    /** Text at a URI (null: the one read) with a MIME type (null: the declared one). */
    static Text text(String uri, String mimeType, String text) {
        return new Text(uri, mimeType, text);
    }

    /** Bytes of the resource that was read, with its declared MIME type. */
    static Blob blob(byte[] bytes) {
        return blob(null, null, bytes);
    }

    /** Bytes at a URI (null: the one read) with a MIME type (null: the declared one). */
    static Blob blob(String uri, String mimeType, byte[] bytes) {
        return new Blob(uri, mimeType, Base64.getEncoder().encodeToString(Objects.requireNonNull(bytes, "bytes")));
    }

    /** Text contents: the text itself, never null. */
    record Text(String uri, String mimeType, String text) implements ResourceContents {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Binary contents: {@code blob} is the bytes in base64 (RFC 4648, standard alphabet, padded), never null. */
    record Blob(String uri, String mimeType, String blob) implements ResourceContents {
        public Blob {
            Objects.requireNonNull(blob, "blob");
        }
    }
}
