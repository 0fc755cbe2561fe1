package dev.delegatemcp.wire.jsonrpc;

import java.io.StringReader;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;

/**
 * Reads one incoming JSON-RPC 2.0 message with JSON-P's streaming parser. Responses are records of this package
 * written by {@link dev.delegatemcp.wire.WireJson}.
 * <p>
 * Hand-written on JSON-P rather than bound with JSON-B: every request passes here, and the checks (one value, an
 * object, {@code "2.0"}, a string or integer id, an object {@code params}) each need their own error code, which a
 * binder would report as one failure; and it is faster. Measured with {@code bench/wire/run} (2026-11-29, this 2-core
 * machine, warm JIT, a {@code tools/call} body): this codec 590 ns per message, JSON-B binding the same envelope
 * 900 ns (1.5x). Writing is different: records through JSON-B are as fast as JSON-P builders (430 vs 475 ns).
 */
public final class JsonRpcCodec {

    /**
     * Made once: {@code Json.createXxx} looks the provider up again on every call (a class-loader lock). Its parsers
     * keep their read buffer per thread rather than in Parsson's shared pool ({@link ThreadParserBuffers}).
     */
    static final JsonParserFactory PARSERS = ThreadParserBuffers.parserFactory(JsonProvider.provider());

    private JsonRpcCodec() {
    }

    /**
     * Parses and checks one message.
     *
     * @throws JsonRpcException with {@link JsonRpcErrorCodes#PARSE_ERROR} for text that is not JSON, and
     *         {@link JsonRpcErrorCodes#INVALID_REQUEST} for JSON that is not a single valid JSON-RPC 2.0 message
     */
    public static JsonRpcMessage parse(String body) {
        JsonValue value = readSingleValue(body);
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST,
                    "Invalid Request: JSON-RPC batches are not supported; send one message per request");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST,
                    "Invalid Request: a JSON-RPC message must be an object");
        }
        JsonObject object = value.asJsonObject();
        if (!"2.0".equals(stringMember(object, "jsonrpc"))) {
            throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST,
                    "Invalid Request: \"jsonrpc\" must be \"2.0\"");
        }
        JsonValue id = object.get("id");
        if (id != null) {
            JsonValue.ValueType type = id.getValueType();
            // MCP (basic protocol, requests): "Requests MUST include a string or integer ID"; a number with a
            // fraction is refused, a whole number written as 1.0 or 1e2 is an integer like 1. It must fit in 64 bits:
            // an id like 1e999999999 is 55 bytes of JSON, and writing it out in digits took seconds and gigabytes.
            if (type != JsonValue.ValueType.STRING
                    && !(type == JsonValue.ValueType.NUMBER && fitsInLong((JsonNumber) id))) {
                throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST,
                        "Invalid Request: \"id\" must be a string or an integer of at most 64 bits");
            }
        }
        JsonValue method = object.get("method");
        if (method == null) {
            boolean isResponse = id != null && (object.containsKey("result") || object.containsKey("error"));
            if (!isResponse) {
                throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST, "Invalid Request: \"method\" is missing");
            }
            JsonValue error = object.get("error");
            if (object.containsKey("error") && !(error instanceof JsonObject)) {
                throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST,
                        "Invalid Request: \"error\" must be an object");
            }
            return new JsonRpcMessage(id, null, JsonValue.EMPTY_JSON_OBJECT, object.get("result"),
                    error instanceof JsonObject errorObject ? errorObject : null);
        }
        if (method.getValueType() != JsonValue.ValueType.STRING) {
            throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST,
                    "Invalid Request: \"method\" must be a string");
        }
        JsonValue params = object.get("params");
        if (params != null && params.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST,
                    "Invalid Request: \"params\" must be an object");
        }
        return new JsonRpcMessage(id, ((JsonString) method).getString(),
                params == null ? JsonValue.EMPTY_JSON_OBJECT : params.asJsonObject());
    }

    /** The one JSON value of the body; anything after it (a second message, garbage) is a parse error. */
    private static JsonValue readSingleValue(String body) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(body == null ? "" : body))) {
            if (!parser.hasNext()) {
                throw new JsonRpcException(JsonRpcErrorCodes.PARSE_ERROR, "Parse error: the body is empty");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new JsonRpcException(JsonRpcErrorCodes.PARSE_ERROR, "Parse error: content after the JSON value");
            }
            return value;
        } catch (JsonRpcException e) {
            throw e;
        } catch (JsonParsingException e) {
            throw new JsonRpcException(JsonRpcErrorCodes.PARSE_ERROR, "Parse error: the body is not valid JSON");
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new JsonRpcException(JsonRpcErrorCodes.PARSE_ERROR,
                    "Parse error: the body is empty or not valid JSON");
        } catch (RuntimeException e) {
            // Parsson's limits, which keep a hostile body from costing memory and time: a number of more than 1,100
            // characters or an exponent past an int (NumberFormatException and others), nesting deeper than 1,000
            // (a RuntimeException of its own). A client's input, so a parse error, never a server error.
            throw new JsonRpcException(JsonRpcErrorCodes.PARSE_ERROR,
                    "Parse error: the body is beyond what this server reads (a number too long, or nesting too deep)");
        }
    }

    private static String stringMember(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }

    /** Whether the number is a whole number a {@code long} holds (cheap also for 1e999999999: no digits written). */
    private static boolean fitsInLong(JsonNumber number) {
        try {
            number.bigDecimalValue().longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }
}
