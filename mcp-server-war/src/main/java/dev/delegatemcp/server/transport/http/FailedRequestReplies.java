package dev.delegatemcp.server.transport.http;

import java.util.UUID;
import java.util.logging.Logger;

import dev.delegatemcp.server.ServerMessages;
import dev.delegatemcp.server.security.BearerChallenge;
import dev.delegatemcp.server.security.InsufficientScopeException;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorResponse;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The answers of both eras' POSTs when a request fails outside the JSON-RPC errors its feature chose. */
final class FailedRequestReplies {

    private static final Logger LOG = Logger.getLogger(FailedRequestReplies.class.getName());

    private FailedRequestReplies() {
    }

    /** The JSON-RPC error of a caller without a scope the request needs. */
    static JsonRpcErrorResponse forbidden(JsonValue id, InsufficientScopeException e) {
        return JsonRpcErrorResponse.of(id, JsonRpcErrorCodes.INVALID_REQUEST, "Forbidden: " + e.getMessage());
    }

    /**
     * HTTP 403 with {@code WWW-Authenticate: Bearer error="insufficient_scope"} naming the scopes (RFC 6750 section
     * 3.1), for a request whose response is still plain JSON.
     */
    static Response forbiddenResponse(JsonValue id, InsufficientScopeException e, BearerChallenge challenge) {
        return Response.status(Response.Status.FORBIDDEN)
                .header("WWW-Authenticate", challenge.insufficientScope(e.neededScopes(), e.getMessage()))
                .type(MediaType.APPLICATION_JSON).entity(WireJson.toJson(forbidden(id, e))).build();
    }

    /**
     * -32603 with a reference that the log line (DMCPS message, the exception's class and where it was thrown, never
     * its message) carries too, so that an operator finds it and the client learns nothing of the server's internals.
     */
    static JsonRpcErrorResponse internalError(JsonValue id, String method, RuntimeException e) {
        String reference = UUID.randomUUID().toString();
        ServerMessages.INTERNAL_ERROR.logWithStack(LOG, e, method, e.getClass().getName(), reference);
        return JsonRpcErrorResponse.of(id, JsonRpcErrorCodes.INTERNAL_ERROR,
                "Internal error (reference " + reference + ")");
    }
}
