package dev.delegatemcp.test;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The user's answer to an {@code elicitation/create} request (MCP 2025-11-25, Client features, Elicitation): accept
 * (with the form's content, or none for a URL elicitation), decline or cancel.
 */
public final class ElicitationReply {

    private final JsonObject result;

    private ElicitationReply(JsonObject result) {
        this.result = result;
    }

    /** The user accepted and filled in the form with these values (String, Number, Boolean, or a List of strings). */
    public static ElicitationReply accept(Map<String, ?> content) {
        return new ElicitationReply(Json.createObjectBuilder().add("action", "accept")
                .add("content", Json.createObjectBuilder(new LinkedHashMap<String, Object>(content))).build());
    }

    /** The user accepted a URL elicitation (opened the URL); no content. */
    public static ElicitationReply acceptUrl() {
        return new ElicitationReply(Json.createObjectBuilder().add("action", "accept").build());
    }

    /** The user explicitly declined. */
    public static ElicitationReply decline() {
        return of("decline");
    }

    /** The user dismissed the request without choosing. */
    public static ElicitationReply cancel() {
        return of("cancel");
    }

    private static ElicitationReply of(String action) {
        JsonObjectBuilder result = Json.createObjectBuilder().add("action", action);
        return new ElicitationReply(result.build());
    }

    /** The {@code result} object sent to the server. */
    JsonObject result() {
        return result;
    }
}
