package dev.delegatemcp.server.feature.tool;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.server.schema.JsonSchemaGenerator;
import dev.delegatemcp.server.schema.SchemaValidator;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;

/**
 * Turns a tools/call {@code arguments} object into the method's Java arguments: checks each against its schema,
 * applies defaults, and converts with JSON-B (Strings, booleans and whole numbers directly). Problems are gathered for
 * all arguments and thrown together.
 *
 * <p>A tool with a hand-written {@link dev.delegatemcp.api.Tool#inputSchema()} gets the {@code arguments} object as it
 * came, unchecked: {@link SchemaValidator} knows only the keywords {@link JsonSchemaGenerator} writes, not all of JSON
 * Schema 2020-12 ({@code $ref}, {@code allOf}, {@code if}/{@code then}, ...), and the 2020-12 validators on Maven
 * Central bring a JSON library of their own into the WAR (networknt's json-schema-validator needs Jackson, about 2 MB;
 * Vert.x's needs vertx-core and Netty), so the tool method checks its arguments itself.
 */
public final class ArgumentBinder {

    private final Jsonb jsonb;

    public ArgumentBinder(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /**
     * The method's arguments.
     *
     * @throws InvalidArgumentsException naming every problem of every argument when any does not fit
     */
    public Object[] bind(ToolDefinition tool, JsonObject arguments, McpCaller caller) {
        return bind(tool, arguments, caller, null);
    }

    /**
     * The method's arguments, with the request being served for an {@link McpRequest} parameter.
     *
     * @throws InvalidArgumentsException naming every problem of every argument when any does not fit
     */
    public Object[] bind(ToolDefinition tool, JsonObject arguments, McpCaller caller, McpRequest request) {
        List<ToolParameter> parameters = tool.parameters();
        Object[] values = new Object[parameters.size()];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            ToolParameter parameter = parameters.get(i);
            if (parameter instanceof ToolParameter.Argument argument) {
                values[i] = bind(argument, arguments.get(argument.name()), problems);
            } else if (parameter instanceof ToolParameter.AllArguments) {
                values[i] = arguments;
            } else if (parameter instanceof ToolParameter.Caller) {
                values[i] = caller;
            } else if (parameter instanceof ToolParameter.Request) {
                values[i] = request;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidArgumentsException(tool.name(), problems);
        }
        return values;
    }

    /** The argument's Java value, or null after adding what is wrong with it to {@code problems}. */
    private Object bind(ToolParameter.Argument argument, JsonValue value, List<String> problems) {
        if (value == null || value == JsonValue.NULL) {
            if (argument.defaultValue() != null) {
                value = argument.defaultValue();
            } else if (argument.required()) {
                problems.add(argument.name() + ": is required");
                return null;
            } else {
                return absent(argument.type());
            }
        }
        List<String> own = SchemaValidator.problems(value, argument.schema(), argument.name());
        if (!own.isEmpty()) {
            problems.addAll(own);
            return null;
        }
        try {
            return convert(value, argument.type());
        } catch (JsonbException | IllegalArgumentException | ArithmeticException e) {
            problems.add(argument.name() + ": cannot be read as " + simpleName(argument.type()));
            return null;
        }
    }

    private Object convert(JsonValue value, Type type) {
        Class<?> raw = JsonSchemaGenerator.rawClass(type);
        if (raw == Optional.class) {
            return Optional.of(convert(value, ((ParameterizedType) type).getActualTypeArguments()[0]));
        }
        if (raw == OptionalInt.class) {
            return OptionalInt.of(((JsonNumber) value).intValueExact());
        }
        if (raw == OptionalLong.class) {
            return OptionalLong.of(((JsonNumber) value).longValueExact());
        }
        if (raw == OptionalDouble.class) {
            return OptionalDouble.of(((JsonNumber) value).doubleValue());
        }
        // Strings, booleans and whole numbers directly: JSON-B writes the value out and parses it again (measured with
        // bench/peers/run and JFR: 2.5 % of the server's CPU under tools/call echo load, for one String argument).
        // A whole number written as 1.0 or 1e2 is taken, as the schema's "integer" does (JSON-B refused it); one
        // that does not fit or has a fraction is refused (ArithmeticException), though the schema refuses it first.
        if (raw == String.class && value instanceof JsonString text) {
            return text.getString();
        }
        if ((raw == int.class || raw == Integer.class) && value instanceof JsonNumber number) {
            return number.intValueExact();
        }
        if ((raw == long.class || raw == Long.class) && value instanceof JsonNumber number) {
            return number.longValueExact();
        }
        if ((raw == boolean.class || raw == Boolean.class) && (value.getValueType() == JsonValue.ValueType.TRUE
                || value.getValueType() == JsonValue.ValueType.FALSE)) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        return jsonb.fromJson(value.toString(), type);
    }

    private static String simpleName(Type type) {
        Class<?> raw = JsonSchemaGenerator.rawClass(type);
        return raw != null ? raw.getSimpleName() : type.getTypeName();
    }

    private static Object absent(Type type) {
        Class<?> raw = JsonSchemaGenerator.rawClass(type);
        if (raw == Optional.class) {
            return Optional.empty();
        }
        if (raw == OptionalInt.class) {
            return OptionalInt.empty();
        }
        if (raw == OptionalLong.class) {
            return OptionalLong.empty();
        }
        if (raw == OptionalDouble.class) {
            return OptionalDouble.empty();
        }
        if (raw == boolean.class) {
            return false;
        }
        if (raw == char.class) {
            return '\0';
        }
        if (raw != null && raw.isPrimitive()) {
            return zero(raw);
        }
        return null;
    }

    private static Object zero(Class<?> primitive) {
        return switch (primitive.getName()) {
            case "byte" -> (byte) 0;
            case "short" -> (short) 0;
            case "int" -> 0;
            case "long" -> 0L;
            case "float" -> 0f;
            default -> 0d;
        };
    }
}
