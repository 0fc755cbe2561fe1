package dev.delegatemcp.wire.mcp;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A family of resources whose URIs follow one RFC 6570 URI template, as {@code resources/templates/list} describes it
 * (MCP 2025-11-25 schema: ResourceTemplate). Members not listed here ({@code icons}, {@code annotations},
 * {@code _meta}) are ignored when read and not written.
 *
 * @param uriTemplate the URI template (RFC 6570), e.g. {@code file:///{+path}}
 * @param name its name (a programmatic identifier)
 * @param title a display name, or null
 * @param description what its resources are, for the model, or null
 * @param mimeType the MIME type of every resource it matches, or null when they differ or it is unknown
 */
@JsonbPropertyOrder({"uriTemplate", "name", "title", "description", "mimeType"})
public record ResourceTemplate(String uriTemplate, String name, String title, String description, String mimeType) {
}
