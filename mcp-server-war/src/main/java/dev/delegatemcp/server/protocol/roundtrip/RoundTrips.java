package dev.delegatemcp.server.protocol.roundtrip;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Starts and ends the {@link RoundTrip} of each request without a session (MCP 2026-07-28, Multi Round-Trip
 * Requests): opens the retry's {@code requestState} (sealed by {@link RequestStateSeal}, bound to the caller's subject
 * and to the request: its method, its tool, prompt or resource, and a digest of its arguments) and reads its
 * {@code inputResponses}; when a round ends on a question, builds the InputRequiredResult with a new sealed state.
 * Nothing is kept between rounds on this server: any instance with the same {@code mcp.request-state.secret} serves the
 * retry.
 */
@ApplicationScoped
public class RoundTrips {

    @Inject
    RequestStateSeal seal;

    /** For CDI. */
    public RoundTrips() {
    }

    RoundTrips(RequestStateSeal seal) {
        this.seal = seal;
    }

    /**
     * @return the request's round trip: the first round, or a retry with what the earlier rounds learnt
     * @throws JsonRpcException -32602 when {@code inputResponses} is not an object, or {@code requestState} is not a
     *         string, was not issued by this server (or another with the same secret), was altered, has expired,
     *         belongs to another user or to another request
     */
    public RoundTrip begin(JsonRpcMessage request, McpCaller caller) {
        JsonObject params = request.params();
        JsonValue responses = params.get("inputResponses");
        if (responses != null && responses != JsonValue.NULL && !(responses instanceof JsonObject)) {
            throw JsonRpcException.invalidParams("Invalid params: \"inputResponses\" must be an object");
        }
        JsonObject inputResponses = responses instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        JsonValue state = params.get("requestState");
        if (state == null || state == JsonValue.NULL) {
            return RoundTrip.first(request.method(), inputResponses);
        }
        if (!(state instanceof JsonString token) || !RoundTrip.supports(request.method())) {
            throw JsonRpcException.invalidParams("Invalid params: \"requestState\" must be the string this server "
                    + "returned in an InputRequiredResult for this request");
        }
        JsonObject payload;
        try {
            payload = seal.open(token.getString(), caller.subject(), binding(request));
        } catch (RequestStateRejectedException e) {
            throw JsonRpcException.invalidParams("Invalid params: " + e.getMessage());
        }
        return RoundTrip.retry(request.method(), payload, inputResponses);
    }

    /**
     * The InputRequiredResult of a round that ended on a question (MCP 2026-07-28 schema: InputRequiredResult):
     * {@code {"resultType": "input_required", "inputRequests": {...}, "requestState": "..."}}.
     */
    public JsonObject inputRequired(RoundTrip roundTrip, JsonRpcMessage request, McpCaller caller) {
        JsonObjectBuilder inputRequests = Json.createObjectBuilder();
        roundTrip.inputRequests().forEach(inputRequests::add);
        return Json.createObjectBuilder().add("resultType", "input_required").add("inputRequests", inputRequests)
                .add("requestState", seal.seal(roundTrip.state(), caller.subject(), binding(request))).build();
    }

    /** What a state is bound to: the method, what it names (a tool, prompt or resource) and its arguments. */
    static String binding(JsonRpcMessage request) {
        JsonObject params = request.params();
        String name = McpMethods.RESOURCES_READ.equals(request.method()) ? text(params.get("uri"))
                : text(params.get("name"));
        return RequestStateSeal.requestBinding(request.method(), name, params.get("arguments"));
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : "";
    }
}
