package bench;

import java.io.InputStream;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The ceiling: what Liberty's JAX-RS + JSON-P + MP-JWT path costs for an MCP-shaped request. One resource answers
 * initialize, notifications/initialized, tools/list and tools/call echo over Streamable HTTP (JSON answers, no SSE).
 * Authentication is done by the container (web.xml: MP-JWT, any authenticated user); sessions are a plain set.
 */
@Path("/mcp")
public class McpResource {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Set<String> SESSIONS = ConcurrentHashMap.newKeySet();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(InputStream body, @HeaderParam("Mcp-Session-Id") String session,
            @Context SecurityContext security) {
        JsonObject request;
        try (JsonReader reader = JSON.createReader(body)) {
            request = reader.readObject();
        } catch (RuntimeException e) {
            return Response.status(400).entity(error(JsonValue.NULL, -32700, "Parse error").toString()).build();
        }
        String method = request.getString("method", "");
        JsonValue id = request.get("id");
        if (method.equals("initialize")) {
            String newSession = UUID.randomUUID().toString();
            SESSIONS.add(newSession);
            JsonObject result = JSON.createObjectBuilder()
                    .add("protocolVersion", request.getJsonObject("params").getString("protocolVersion", "2025-11-25"))
                    .add("capabilities", JSON.createObjectBuilder().add("tools", JsonValue.EMPTY_JSON_OBJECT))
                    .add("serverInfo", JSON.createObjectBuilder().add("name", "liberty-peer").add("version", "1"))
                    .build();
            return Response.ok(reply(id, result).toString()).header("Mcp-Session-Id", newSession).build();
        }
        if (session == null || !SESSIONS.contains(session)) {
            return Response.status(session == null ? 400 : 404).build();
        }
        if (id == null) { // a notification
            return Response.accepted().build();
        }
        switch (method) {
            case "tools/list":
                return Response.ok(reply(id, JSON.createObjectBuilder().add("tools", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("name", "echo").add("description", "Echoes the text back")
                                .add("inputSchema", JSON.createObjectBuilder().add("type", "object")
                                        .add("properties", JSON.createObjectBuilder().add("text",
                                                JSON.createObjectBuilder().add("type", "string")))
                                        .add("required", JSON.createArrayBuilder().add("text")))))
                        .build()).toString()).build();
            case "tools/call": {
                JsonObject params = request.getJsonObject("params");
                if (!"echo".equals(params.getString("name", ""))) {
                    return Response.ok(error(id, -32602, "Unknown tool").toString()).build();
                }
                String text = params.getJsonObject("arguments").getString("text", "");
                // touch the caller like a real tool would
                String caller = security.getUserPrincipal().getName();
                JsonObject result = JSON.createObjectBuilder()
                        .add("content", JSON.createArrayBuilder().add(
                                JSON.createObjectBuilder().add("type", "text").add("text", text)))
                        .add("isError", caller.isEmpty())
                        .build();
                return Response.ok(reply(id, result).toString()).build();
            }
            case "ping":
                return Response.ok(reply(id, JsonValue.EMPTY_JSON_OBJECT).toString()).build();
            default:
                return Response.ok(error(id, -32601, "Method not found").toString()).build();
        }
    }

    private static JsonObject reply(JsonValue id, JsonValue result) {
        return JSON.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("result", result).build();
    }

    private static JsonObject error(JsonValue id, int code, String message) {
        JsonObjectBuilder err = JSON.createObjectBuilder().add("code", code).add("message", message);
        return JSON.createObjectBuilder().add("jsonrpc", "2.0").add("id", id == null ? JsonValue.NULL : id)
                .add("error", err).build();
    }
}
