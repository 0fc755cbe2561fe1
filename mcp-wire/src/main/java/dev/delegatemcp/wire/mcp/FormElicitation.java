package dev.delegatemcp.wire.mcp;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The params of a form-mode {@code elicitation/create} (MCP 2025-11-25, Client features, Elicitation, form mode).
 *
 * @param mode always {@code "form"}
 * @param message what the form is for
 * @param requestedSchema a flat JSON Schema object of primitive properties
 */
@JsonbPropertyOrder({"mode", "message", "requestedSchema"})
public record FormElicitation(String mode, String message, JsonObject requestedSchema) {

    public static FormElicitation of(String message, JsonObject requestedSchema) {
        return new FormElicitation("form", message, requestedSchema);
    }
}
