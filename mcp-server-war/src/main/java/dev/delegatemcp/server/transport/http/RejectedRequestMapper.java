package dev.delegatemcp.server.transport.http;

import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Requests that JAX-RS itself refuses before the endpoint runs (an unknown path, a method the endpoint does not
 * offer, a media type it cannot negotiate) get the same shape as every other refusal of the transport: their 4xx
 * status and a JSON-RPC error body with id null (JSON-RPC 2.0 section 5.1), instead of the web container's HTML or
 * text page. The message says what kind of request was refused, never the exception. Headers that JAX-RS cannot
 * even parse are refused by the servlet layer, with {@link RefusedRequestServlet} as its error page.
 */
@Provider
public class RejectedRequestMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response refused = exception.getResponse();
        int status = refused == null ? 400 : refused.getStatus();
        if (status < 400 || status >= 500) {
            // Not a refusal of the request: the status JAX-RS chose, without its entity, which may name the exception.
            return Response.status(status).build();
        }
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(body(status));
        if (refused.getHeaderString("Allow") != null) {
            response.header("Allow", refused.getHeaderString("Allow"));
        }
        return response.build();
    }

    /** The JSON-RPC error body of a refused request with that HTTP status (id null: the request was not read). */
    static String body(int status) {
        return WireJson.toJson(JsonRpcErrorResponse.of(null, JsonRpcErrorCodes.INVALID_REQUEST, message(status)));
    }

    private static String message(int status) {
        return switch (status) {
            case 404 -> "Not Found: the MCP endpoint is <context root>/mcp";
            case 405 -> "Method Not Allowed: use POST, GET or DELETE";
            case 406 -> "Not Acceptable: accept application/json and text/event-stream";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported Media Type: send application/json";
            default -> "Bad Request: a header of the request could not be read (Accept, Content-Type, ...)";
        };
    }
}
