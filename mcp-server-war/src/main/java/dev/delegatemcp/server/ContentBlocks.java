package dev.delegatemcp.server;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.wire.mcp.ContentBlock;

/** The wire form of an author's {@link Content}, in a tool result or a prompt message. */
public final class ContentBlocks {

    private ContentBlocks() {
    }

    /** The content block (MCP 2025-11-25 schema: ContentBlock) of that content. */
    public static ContentBlock of(Content content) {
        if (content instanceof Content.Text text) {
            return new ContentBlock.Text(text.text());
        }
        if (content instanceof Content.Image image) {
            return new ContentBlock.Image(image.data(), image.mimeType());
        }
        if (content instanceof Content.Audio audio) {
            return new ContentBlock.Audio(audio.data(), audio.mimeType());
        }
        Content.Resource resource = (Content.Resource) content;
        return new ContentBlock.EmbeddedResource(new ContentBlock.ResourceContents(resource.uri(), resource.mimeType(),
                resource.text(), resource.text() != null ? null : resource.blob()));
    }
}
