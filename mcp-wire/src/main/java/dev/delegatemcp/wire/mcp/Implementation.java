package dev.delegatemcp.wire.mcp;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code serverInfo} / {@code clientInfo} (MCP 2025-11-25 schema: Implementation).
 *
 * @param name the program's name
 * @param title a display name, or null
 * @param version its version
 */
@JsonbPropertyOrder({"name", "title", "version"})
public record Implementation(String name, String title, String version) {

    public static Implementation of(String name, String version) {
        return new Implementation(name, null, version);
    }
}
