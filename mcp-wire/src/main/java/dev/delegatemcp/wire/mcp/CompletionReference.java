package dev.delegatemcp.wire.mcp;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;

/**
 * What a {@code completion/complete} request completes an argument of, keyed by {@code type} (MCP 2025-11-25 schema:
 * CompleteRequestParams.ref, PromptReference | ResourceTemplateReference). JSON-B 3.0 polymorphism writes and reads
 * the {@code type} member.
 */
@JsonbTypeInfo(key = "type", value = {
    @JsonbSubtype(alias = CompletionReference.PROMPT, type = CompletionReference.PromptReference.class),
    @JsonbSubtype(alias = CompletionReference.RESOURCE_TEMPLATE,
            type = CompletionReference.ResourceTemplateReference.class)})
public sealed interface CompletionReference {

    /** The {@code type} of a prompt reference. */
    String PROMPT = "ref/prompt";
    /** The {@code type} of a resource template reference. */
    String RESOURCE_TEMPLATE = "ref/resource";

    /** The {@code type} member: {@link #PROMPT} or {@link #RESOURCE_TEMPLATE}. */
    String type();

    /**
     * Which prompt or resource template: its name, or its URI template.
     */
    String key();

    /**
     * A prompt by name (PromptReference).
     *
     * @param name the prompt's name
     * @param title its display name, or null
     */
    @JsonbPropertyOrder({"name", "title"})
    record PromptReference(String name, String title) implements CompletionReference {

        @Override
        public String type() {
            return PROMPT;
        }

        @Override
        public String key() {
            return name;
        }
    }

    /**
     * A resource template by its URI template (ResourceTemplateReference).
     *
     * @param uri the URI template (RFC 6570), or a resource's URI
     */
    record ResourceTemplateReference(String uri) implements CompletionReference {

        @Override
        public String type() {
            return RESOURCE_TEMPLATE;
        }

        @Override
        public String key() {
            return uri;
        }
    }
}
