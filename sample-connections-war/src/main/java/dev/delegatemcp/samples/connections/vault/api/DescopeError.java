package dev.delegatemcp.samples.connections.vault.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An error answer in Descope's shape: {@code {"errorCode","errorDescription","errorMessage","message"}} with its
 * HTTP status. E061104 is Descope's "token not found"; the other codes are this demo's stand-ins.
 */
public record DescopeError(int status, String errorCode, String errorDescription, String errorMessage) {

    public static DescopeError tokenNotFound() {
        return new DescopeError(404, "E061104", "Token not found", "no token stored for this app and user/tenant");
    }

    public static DescopeError badRequest(String errorMessage) {
        return new DescopeError(400, "E011001", "Request is invalid", errorMessage);
    }

    public static DescopeError unauthorized() {
        return new DescopeError(401, "E011003", "Unauthorized request",
                "a valid Authorization: Bearer <projectId>:<managementKey> header is required");
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("errorCode", errorCode)
                .add("errorDescription", errorDescription)
                .add("errorMessage", errorMessage)
                .add("message", errorDescription)
                .build();
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(toJson().toString()).build();
    }
}
