package dev.delegatemcp.wire.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.delegatemcp.wire.WireJson;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRpcCodecTest {

    private static int errorCodeOf(String body) {
        return assertThrows(JsonRpcException.class, () -> JsonRpcCodec.parse(body)).code();
    }

    // --- parse errors -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{", "{\"jsonrpc\":", "{'jsonrpc':'2.0'}", "[1,", "}"})
    void nonJsonBodyIsParseError(String body) {
        assertEquals(JsonRpcErrorCodes.PARSE_ERROR, errorCodeOf(body));
        assertEquals(-32700, errorCodeOf(body));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void emptyOrNullBodyIsParseError(String body) {
        assertEquals(-32700, errorCodeOf(body));
    }

    @Test
    void trailingContentAfterTheMessageIsParseError() {
        assertEquals(-32700, errorCodeOf("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1} garbage"));
        assertEquals(-32700, errorCodeOf(
                "{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1}{\"jsonrpc\":\"2.0\",\"method\":\"evil\",\"id\":2}"));
    }

    // --- invalid requests ---------------------------------------------------------------------------------------

    @Test
    void batchRequestIsInvalidRequest() {
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> JsonRpcCodec.parse("[{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1}]"));
        assertEquals(-32600, e.code());
        assertTrue(e.getMessage().contains("batch"), e.getMessage());
    }

    @Test
    void emptyArrayIsInvalidRequest() {
        assertEquals(-32600, errorCodeOf("[]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "\"text\"", "true", "null"})
    void nonObjectMessageIsInvalidRequest(String body) {
        assertEquals(JsonRpcErrorCodes.INVALID_REQUEST, errorCodeOf(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"method\":\"ping\",\"id\":1}",
        "{\"jsonrpc\":\"1.0\",\"method\":\"ping\",\"id\":1}",
        "{\"jsonrpc\":2.0,\"method\":\"ping\",\"id\":1}",
        "{\"jsonrpc\":null,\"method\":\"ping\",\"id\":1}",
        "{\"jsonrpc\":\"2.0 \",\"method\":\"ping\",\"id\":1}"})
    void missingOrIncorrectJsonrpcMemberIsInvalidRequest(String body) {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> JsonRpcCodec.parse(body));
        assertEquals(-32600, e.code());
        assertTrue(e.getMessage().contains("jsonrpc"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false", "{}", "[]", "null", "[1]"})
    void idThatIsNotStringOrNumberIsInvalidRequest(String id) {
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":" + id + "}"));
        assertEquals(-32600, e.code());
        assertTrue(e.getMessage().contains("id"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.25", "1e-3", "12345678901234567890.000001"})
    void anIdWithAFractionIsInvalidRequest(String id) {
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":" + id + "}"));
        assertEquals(-32600, e.code());
        assertTrue(e.getMessage().contains("integer"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e2147483647", "-1E+999999999", "9223372036854775808", "1e19"})
    void anIntegerIdBeyond64BitsIsInvalidRequest(String id) {
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":" + id + "}"));
        assertEquals(-32600, e.code());
        assertTrue(e.getMessage().contains("64 bits"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-7", "9007199254740993", "1.0", "1e2", "9223372036854775807",
        "-9223372036854775808"})
    void anIdThatIsAWholeNumberIsAccepted(String id) {
        JsonRpcMessage message = JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":" + id + "}");
        assertTrue(message.isRequest());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "{}", "[]", "null"})
    void nonStringMethodIsInvalidRequest(String method) {
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"method\":" + method + ",\"id\":1}"));
        assertEquals(-32600, e.code());
        assertTrue(e.getMessage().contains("method"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[1,2]", "\"x\"", "1", "true", "null"})
    void nonObjectParamsIsInvalidRequest(String params) {
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":1,\"params\":" + params + "}"));
        assertEquals(-32600, e.code());
        assertTrue(e.getMessage().contains("params"), e.getMessage());
    }

    @Test
    void messageWithoutMethodResultOrErrorIsInvalidRequest() {
        assertEquals(-32600, errorCodeOf("{\"jsonrpc\":\"2.0\",\"id\":1}"));
    }

    @Test
    void resultWithoutIdIsInvalidRequest() {
        assertEquals(-32600, errorCodeOf("{\"jsonrpc\":\"2.0\",\"result\":{}}"));
    }

    // --- classification -----------------------------------------------------------------------------------------

    @Test
    void messageWithMethodAndNumericIdIsRequest() {
        JsonRpcMessage message = JsonRpcCodec.parse(
                "{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"id\":7,\"params\":{\"name\":\"x\"}}");
        assertTrue(message.isRequest());
        assertFalse(message.isNotification());
        assertFalse(message.isResponse());
        assertEquals("tools/call", message.method());
        assertEquals(7, ((JsonNumber) message.id()).intValue());
        assertEquals("x", message.params().getString("name"));
    }

    @Test
    void messageWithMethodAndStringIdIsRequest() {
        JsonRpcMessage message = JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":\"abc\"}");
        assertTrue(message.isRequest());
        assertEquals("abc", ((JsonString) message.id()).getString());
    }

    @Test
    void absentParamsBecomeEmptyObject() {
        JsonRpcMessage message = JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1}");
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, message.params());
    }

    @Test
    void messageWithMethodAndNoIdIsNotification() {
        JsonRpcMessage message = JsonRpcCodec.parse(
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertTrue(message.isNotification());
        assertFalse(message.isRequest());
        assertFalse(message.isResponse());
        assertNull(message.id());
    }

    @Test
    void messageWithIdAndResultIsResponse() {
        JsonRpcMessage message = JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}");
        assertTrue(message.isResponse());
        assertFalse(message.isRequest());
        assertFalse(message.isNotification());
        assertNull(message.method());
        assertEquals(3, ((JsonNumber) message.id()).intValue());
    }

    @Test
    void messageWithIdAndErrorIsResponse() {
        JsonRpcMessage message = JsonRpcCodec.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"error\":{\"code\":-1,\"message\":\"no\"}}");
        assertTrue(message.isResponse());
    }

    /** A success response as {@link WireJson} writes it, read back. */
    private static JsonObject written(JsonValue id, JsonObject result) {
        return read(WireJson.toJson(JsonRpcResponse.of(id, result)));
    }

    private static JsonObject writtenError(JsonValue id, int code, String message) {
        return read(WireJson.toJson(JsonRpcErrorResponse.of(id, code, message)));
    }

    private static JsonObject writtenError(JsonValue id, int code, String message, JsonValue data) {
        return read(WireJson.toJson(JsonRpcErrorResponse.of(id, code, message, data)));
    }

    private static JsonObject read(String json) {
        try (var reader = Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void responsesAreWrittenCompactWithTheEnvelopeMembersFirst() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}",
                WireJson.toJson(JsonRpcResponse.of(Json.createValue(7), JsonValue.EMPTY_JSON_OBJECT)));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}",
                WireJson.toJson(JsonRpcErrorResponse.of(null, -32700, "Parse error")));
    }

    // --- writing ------------------------------------------------------------------------------------------------

    @Test
    void resultEchoesIdAndCarriesResult() {
        JsonObject result = Json.createObjectBuilder().add("ok", true).build();
        JsonObject response = written(Json.createValue(42), result);
        assertEquals("2.0", response.getString("jsonrpc"));
        assertEquals(42, response.getInt("id"));
        assertEquals(result, response.getJsonObject("result"));
        assertFalse(response.containsKey("error"));
    }

    @Test
    void resultEchoesStringId() {
        JsonObject response = written(Json.createValue("req-1"), JsonValue.EMPTY_JSON_OBJECT);
        assertEquals("req-1", response.getString("id"));
    }

    @Test
    void errorHasCodeMessageAndEchoedId() {
        JsonObject response = writtenError(Json.createValue("a"), -32601, "Method not found: x");
        assertEquals("2.0", response.getString("jsonrpc"));
        assertEquals("a", response.getString("id"));
        JsonObject error = response.getJsonObject("error");
        assertEquals(-32601, error.getInt("code"));
        assertEquals("Method not found: x", error.getString("message"));
        assertFalse(error.containsKey("data"));
        assertFalse(response.containsKey("result"));
    }

    @Test
    void errorWithUnknownIdHasNullId() {
        JsonObject response = writtenError(null, -32700, "Parse error");
        assertTrue(response.containsKey("id"));
        assertEquals(JsonValue.NULL, response.get("id"));
    }

    @Test
    void errorWithDataCarriesData() {
        JsonObject data = Json.createObjectBuilder().add("detail", "x").build();
        JsonObject response = writtenError(Json.createValue(1), -32602, "Invalid params", data);
        assertEquals(data, response.getJsonObject("error").getJsonObject("data"));
        assertEquals(-32602, response.getJsonObject("error").getInt("code"));
        assertEquals(1, response.getInt("id"));
    }

    @Test
    void exceptionFactoriesUseStandardCodes() {
        assertEquals(-32602, JsonRpcException.invalidParams("x").code());
        JsonRpcException notFound = JsonRpcException.methodNotFound("foo/bar");
        assertEquals(-32601, notFound.code());
        assertTrue(notFound.getMessage().contains("foo/bar"));
    }

    @Test
    void bodiesBeyondTheParsersLimitsAreParseErrors() {
        String longNumber = "{\"jsonrpc\":\"2.0\",\"id\":1" + "0".repeat(1100) + ",\"method\":\"ping\"}";
        String exponentOverflow = "{\"jsonrpc\":\"2.0\",\"id\":1e2147483648,\"method\":\"ping\"}";
        String deep = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"a\":" + "[".repeat(5000)
                + "]".repeat(5000) + "}}";
        for (String body : new String[] {longNumber, exponentOverflow, deep}) {
            JsonRpcException e = assertThrows(JsonRpcException.class, () -> JsonRpcCodec.parse(body));
            assertEquals(-32700, e.code(), body.substring(0, Math.min(60, body.length())));
        }
    }
}
