package dev.delegatemcp.wire.mcp;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A resource the server can read, as {@code resources/list} describes it (MCP 2025-11-25 schema: Resource). Members
 * not listed here ({@code icons}, {@code annotations}, {@code _meta}) are ignored when read and not written.
 *
 * @param uri the resource's URI (RFC 3986), its identity
 * @param name its name (a programmatic identifier)
 * @param title a display name, or null
 * @param description what it is, for the model, or null
 * @param mimeType its MIME type, or null when unknown
 * @param size its raw size in bytes (before base64), or null when unknown
 */
@JsonbPropertyOrder({"uri", "name", "title", "description", "mimeType", "size"})
public record Resource(String uri, String name, String title, String description, String mimeType, Long size) {
}
