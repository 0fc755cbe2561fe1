package dev.delegatemcp.api.interaction;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's answer to an elicitation (MCP 2025-11-25 schema: ElicitResult).
 *
 * @param action what the user did
 * @param content the submitted values when the action is {@link Action#ACCEPT} in form mode, by field name: a
 *        {@code String}, a {@code Double} or {@code Long} (integer fields), a {@code Boolean}, or a {@code List<String>}
 *        (multi-select); empty otherwise
 * @param elicitationId the id of a URL-mode elicitation (MCP 2025-11-25), or null for a form and for a client of MCP
 *        2026-07-28, which has no such id (its answer comes with its retry, after the user acted)
 */
public record ElicitationResult(Action action, Map<String, Object> content, String elicitationId) {

    public ElicitationResult {
        Objects.requireNonNull(action, "action");
        content = content == null ? Map.of() : Map.copyOf(content);
    }

    /** What the user did with the request. */
    public enum Action {
        /** Submitted the form, or agreed to open the URL. */
        ACCEPT,
        /** Explicitly said no. */
        DECLINE,
        /** Dismissed it without choosing. */
        CANCEL
    }

    /** Whether the user accepted. */
    public boolean accepted() {
        return action == Action.ACCEPT;
    }

    /** A submitted value, when present. */
    public Optional<Object> value(String field) {
        return Optional.ofNullable(content.get(field));
    }

    /** A submitted string value, when present and a string. */
    public Optional<String> string(String field) {
        return content.get(field) instanceof String value ? Optional.of(value) : Optional.empty();
    }
}
