package dev.delegatemcp.server.protocol.stream;

import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import jakarta.json.JsonObject;

/** Reading the client's answers to the server's requests: a result object, or a failure for the user. */
final class ClientReplies {

    private ClientReplies() {
    }

    /**
     * The result object of a response.
     *
     * @throws ClientInteractionException (REFUSED) for an error response or a result that is not an object
     */
    static JsonObject result(JsonRpcMessage reply, String what) {
        if (reply.error() != null) {
            throw new ClientInteractionException(ClientInteractionException.Reason.REFUSED,
                    "The client turned down the " + what + " request.");
        }
        if (!(reply.result() instanceof JsonObject result)) {
            throw malformed(what);
        }
        return result;
    }

    static ClientInteractionException malformed(String what) {
        return new ClientInteractionException(ClientInteractionException.Reason.REFUSED,
                "The client answered the " + what + " request with something the server cannot read.");
    }
}
