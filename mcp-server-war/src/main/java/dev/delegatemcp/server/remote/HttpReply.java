package dev.delegatemcp.server.remote;

import dev.delegatemcp.wire.jsonrpc.JsonRpcReply;

/**
 * One HTTP answer to a POSTed JSON-RPC message, as {@link StreamableHttpExchange} read it.
 *
 * @param status the HTTP status
 * @param sentSession whether the request carried an {@code Mcp-Session-Id} (a 404 then means the session expired)
 * @param sessionId the {@code Mcp-Session-Id} response header, or null
 * @param mediaType the body's media type (lower case, no parameters), or null when the body was not read
 * @param reply the JSON-RPC response to the request; null for a notification, a status other than 2xx and 400, a
 *        media type other than JSON and SSE, a 400 whose body is not a JSON-RPC response, or an event stream that
 *        ended without it
 */
record HttpReply(int status, boolean sentSession, String sessionId, String mediaType, JsonRpcReply reply) {

    boolean isSuccess() {
        return status / 100 == 2;
    }
}
