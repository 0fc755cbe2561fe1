package dev.delegatemcp.api;

import java.util.Base64;
import java.util.Objects;

/**
 * One item of a tool result's content, or the content of a prompt message. Return it (or a {@link ToolResponse}) from
 * a tool for non-text results; put it in a {@link dev.delegatemcp.api.prompt.PromptMessage}.
 */
public sealed interface Content permits Content.Text, Content.Image, Content.Audio, Content.Resource {

    /** Text content. */
    static Text text(String text) {
        return new Text(text);
    }

    /** An image, from its bytes. */
    static Image image(byte[] bytes, String mimeType) {
        return new Image(Base64.getEncoder().encodeToString(bytes), mimeType);
    }

    /** Audio, from its bytes. */
    static Audio audio(byte[] bytes, String mimeType) {
        return new Audio(Base64.getEncoder().encodeToString(bytes), mimeType);
    }

    /** An embedded text resource, e.g. a document the tool produced. */
    static Resource resource(String uri, String mimeType, String text) {
        return new Resource(uri, mimeType, Objects.requireNonNull(text, "text"), null);
    }

    /** An embedded binary resource, from its bytes. */
    static Resource resource(String uri, String mimeType, byte[] bytes) {
        return new Resource(uri, mimeType, null, Base64.getEncoder().encodeToString(bytes));
    }

    /** Text content. */
    record Text(String text) implements Content {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An image: base64 data and its MIME type (e.g. image/png). */
    record Image(String data, String mimeType) implements Content {
        public Image {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }

    /** Audio: base64 data and its MIME type (e.g. audio/wav). */
    record Audio(String data, String mimeType) implements Content {
        public Audio {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }

    /** An embedded resource: its URI, MIME type and either text or base64 blob. */
    record Resource(String uri, String mimeType, String text, String blob) implements Content {
        public Resource {
            Objects.requireNonNull(uri, "uri");
            if ((text == null) == (blob == null)) {
                throw new IllegalArgumentException("a resource has either text or blob");
            }
        }
    }
}
