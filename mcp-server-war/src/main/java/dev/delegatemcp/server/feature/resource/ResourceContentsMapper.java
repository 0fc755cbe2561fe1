package dev.delegatemcp.server.feature.resource;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import dev.delegatemcp.api.resource.ResourceContents;
import dev.delegatemcp.wire.mcp.ContentBlock;

/**
 * Turns what a resource method (or an added resource's supplier) returned into the items of a
 * {@code resources/read} result (MCP 2025-11-25 schema: TextResourceContents, BlobResourceContents): a {@code String}
 * is one text item and {@code byte[]} one blob item, both at the URI read with the declared MIME type;
 * {@link ResourceContents} items keep their own URI and MIME type and take the read URI and declared type where they
 * have none; {@code null} is no item.
 */
final class ResourceContentsMapper {

    private ResourceContentsMapper() {
    }

    /**
     * @param uri the URI that was read
     * @param mimeType the declared MIME type, or null
     * @throws IllegalStateException when a list holds null (a fault of the method, answered as an internal error)
     */
    static List<ContentBlock.ResourceContents> map(Object value, ReturnShape shape, String uri, String mimeType) {
        if (value == null) {
            return List.of();
        }
        return switch (shape) {
            case TEXT -> List.of(ContentBlock.ResourceContents.text(uri, mimeType, (String) value));
            case BYTES -> List.of(ContentBlock.ResourceContents.blob(uri, mimeType,
                    Base64.getEncoder().encodeToString((byte[]) value)));
            case CONTENTS -> List.of(item((ResourceContents) value, uri, mimeType));
            case CONTENTS_LIST -> {
                List<ContentBlock.ResourceContents> items = new ArrayList<>();
                for (Object item : (Collection<?>) value) {
                    if (item == null) {
                        throw new IllegalStateException("the contents list holds null");
                    }
                    items.add(item((ResourceContents) item, uri, mimeType));
                }
                yield List.copyOf(items);
            }
        };
    }

    private static ContentBlock.ResourceContents item(ResourceContents item, String uri, String mimeType) {
        String itemUri = item.uri() != null ? item.uri() : uri;
        String itemType = item.mimeType() != null ? item.mimeType() : mimeType;
        if (item instanceof ResourceContents.Text text) {
            return ContentBlock.ResourceContents.text(itemUri, itemType, text.text());
        }
        return ContentBlock.ResourceContents.blob(itemUri, itemType, ((ResourceContents.Blob) item).blob());
    }
}
