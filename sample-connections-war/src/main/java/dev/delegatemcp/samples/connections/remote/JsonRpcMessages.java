package dev.delegatemcp.samples.connections.remote;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** JSON-RPC 2.0 responses and the error codes the remote servers use. */
public final class JsonRpcMessages {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;

    private JsonRpcMessages() {
    }

    /** A success response; {@code id} is the request's id. */
    public static JsonObject result(JsonValue id, JsonObject result) {
        return envelope(id).add("result", result).build();
    }

    /** An error response; {@code id} is the request's id, or null when it could not be read. */
    public static JsonObject error(JsonValue id, int code, String message) {
        return envelope(id).add("error", Json.createObjectBuilder().add("code", code).add("message", message))
                .build();
    }

    private static JsonObjectBuilder envelope(JsonValue id) {
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id == null ? JsonValue.NULL : id);
    }
}
