package dev.delegatemcp.server.remote;

import dev.delegatemcp.wire.jsonrpc.JsonRpcReply;

/**
 * A response body as read by {@link StreamableHttpExchange}: its media type and either the JSON text (an
 * {@code application/json} body) or the matching reply found on an event stream; both null for other media types or
 * a stream that ended without the reply.
 *
 * @param mediaType the {@code Content-Type} without parameters, lower case
 * @param json the body text, or null
 * @param reply the response to the request, from an event stream, or null
 */
record ExchangeBody(String mediaType, String json, JsonRpcReply reply) {
}
