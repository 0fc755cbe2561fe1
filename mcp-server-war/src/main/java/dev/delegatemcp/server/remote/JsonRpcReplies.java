package dev.delegatemcp.server.remote;

import java.math.BigInteger;

import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcReply;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;

/**
 * Reads a JSON-RPC 2.0 message received from a remote MCP server as a {@link JsonRpcReply} (JSON-RPC 2.0 section 5)
 * and tells whether it answers the request sent (MCP 2025-11-25, Basic protocol: responses carry the request's id).
 */
final class JsonRpcReplies {

    private JsonRpcReplies() {
    }

    /**
     * One JSON-RPC message object, bound by {@link WireJson}. A request or notification from the server reads as a
     * reply with neither {@code result} nor {@code error}, which {@link #answers} never accepts.
     *
     * @throws MalformedBodyException when the text is not JSON, not an object, or its {@code result} is not an object
     *         or its {@code error} not an error object
     */
    static JsonRpcReply read(String json) {
        if (!startsAnObject(json)) {
            // Checked first: Yasson binds a one-element array (a batch) as its element.
            throw new MalformedBodyException();
        }
        try {
            JsonRpcReply reply = WireJson.fromJson(json, JsonRpcReply.class);
            if (reply == null) {
                throw new MalformedBodyException();
            }
            return reply;
        } catch (JsonbException | JsonException e) {
            throw new MalformedBodyException();
        }
    }

    private static boolean startsAnObject(String json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c == '{';
            }
        }
        return false;
    }

    /**
     * Whether the reply is the response to request {@code id}: it has a {@code result} or an {@code error}, and its id
     * is that number (an integral JSON number, or the same digits as a string); an error with a null or absent id
     * (the server could not read the request's id, JSON-RPC 2.0 section 5) answers any request.
     */
    static boolean answers(JsonRpcReply reply, int id) {
        if (reply.result() == null && reply.error() == null) {
            return false;
        }
        JsonValue value = reply.id();
        if (value instanceof JsonNumber number) {
            return number.isIntegral() && number.bigIntegerValue().equals(BigInteger.valueOf(id));
        }
        if (value instanceof JsonString text) {
            return text.getString().equals(Integer.toString(id));
        }
        return (value == null || value == JsonValue.NULL) && reply.error() != null;
    }
}
