package dev.delegatemcp.server.protocol.stream;

import java.util.ArrayList;
import java.util.List;

import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.Roots;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** {@code roots/list} to the client (MCP 2025-11-25, Client features, Roots). */
final class ClientRoots implements Roots {

    private final boolean supported;
    private final ClientQuestions channel;
    private final RequestCancellation cancellation;

    ClientRoots(boolean supported, ClientQuestions channel, RequestCancellation cancellation) {
        this.supported = supported;
        this.channel = channel;
        this.cancellation = cancellation;
    }

    @Override
    public boolean supported() {
        return supported;
    }

    @Override
    public List<Root> list() {
        if (!supported) {
            throw new ClientInteractionException(ClientInteractionException.Reason.NOT_SUPPORTED,
                    "This client does not share its roots (it did not declare the roots capability).", "roots");
        }
        return read(ClientReplies.result(
                channel.ask(McpMethods.ROOTS_LIST, JsonValue.EMPTY_JSON_OBJECT, cancellation, "roots"), "roots"));
    }

    /** The roots in a {@code roots/list} result. */
    static List<Root> read(JsonObject result) {
        if (!(result.get("roots") instanceof jakarta.json.JsonArray roots)) {
            throw ClientReplies.malformed("roots");
        }
        List<Root> list = new ArrayList<>();
        for (JsonValue value : roots) {
            if (!(value instanceof JsonObject root) || !(root.get("uri") instanceof JsonString uri)) {
                throw ClientReplies.malformed("roots");
            }
            list.add(new Root(uri.getString(), root.get("name") instanceof JsonString name ? name.getString() : null));
        }
        return List.copyOf(list);
    }
}
